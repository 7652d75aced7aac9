package fr.aed.station.app.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.aed.station.app.text.Message;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DossierRulesTest {

  @Test
  void validityIsOneTwoOrThreeYears() {
    assertEquals(Optional.empty(), DossierRules.validityYears(1));
    assertEquals(Optional.empty(), DossierRules.validityYears(3));
    assertEquals(
        Optional.of("La durée de validité doit être de 1, 2 ou 3 ans."),
        DossierRules.validityYears(0).map(Message::inFrench));
  }

  @Test
  void identifiersMayBeTypedWithSpaces() {
    assertEquals(Optional.empty(), DossierRules.siren("912 345 675"));
    assertEquals(Optional.empty(), DossierRules.siret("912 345 675 00017", "912345675"));
    assertEquals("91234567500017", DossierRules.compactIdentifier(" 912 345\u00a0675 00017"));
  }

  @Test
  void aSiretIsOnlyMatchedAgainstAValidSiren() {
    // La Poste's head office: a valid SIRET, of another company
    assertEquals(
        Optional.of("Le SIRET 35600000000048 n'est pas un établissement du SIREN 912345675."),
        DossierRules.siret("35600000000048", "912345675").map(Message::inFrench));
    // with a wrong SIREN, the SIREN's own message says it; the SIRET is judged alone
    assertEquals(Optional.empty(), DossierRules.siret("35600000000048", "912345670"));
    assertEquals(Optional.empty(), DossierRules.siret("35600000000048", null));
  }

  @Test
  void emailAndIssuingStateAndBirthDate() {
    assertEquals(Optional.empty(), DossierRules.email("a.b@example.fr"));
    assertEquals(
        Optional.of("Adresse électronique « a b@example.fr » invalide : nom@domaine.fr attendu."),
        DossierRules.email("a b@example.fr").map(Message::inFrench));
    assertEquals(Optional.empty(), DossierRules.issuingState("FRA"));
    assertEquals(Optional.empty(), DossierRules.issuingState("D<<"));
    assertEquals(
        Optional.of("État de délivrance « FRANCE » : code à 3 lettres majuscules attendu (FRA)."),
        DossierRules.issuingState("FRANCE").map(Message::inFrench));
    LocalDate day = LocalDate.of(2026, 11, 24);
    assertEquals(Optional.empty(), DossierRules.birthDate(day.minusDays(1), day));
    assertEquals(
        Optional.of("La date de naissance doit être postérieure à 1900."),
        DossierRules.birthDate(LocalDate.of(1899, 12, 31), day).map(Message::inFrench));
    assertEquals(
        Optional.of("La date de naissance doit précéder le jour du rendez-vous."),
        DossierRules.birthDate(day, day).map(Message::inFrench));
  }

  @Test
  void halfACharacterIsRefusedAWholeOneKept() {
    assertEquals(Optional.empty(), DossierRules.wholeCharacters("Zo\u00e9 \ud83d\ude00"));
    for (String half : new String[] {"\ud800", "a\udfff", "\ud83d "}) {
      assertEquals(
          Optional.of("Texte illisible : un caractère y est incomplet."),
          DossierRules.wholeCharacters(half).map(Message::inFrench));
    }
  }
}
