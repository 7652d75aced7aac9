package fr.aed.station.app.company;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.Company;
import fr.aed.station.app.domain.CompanyIdentifiers;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompanyRegistrationCheckTest {

  private static final LocalDate DAY = LocalDate.of(2025, 6, 1);

  private static CompanyVerdict verify(String siren, String siret, String vat, LocalDate kbis) {
    return CompanyRegistrationCheck.verify(
        new CompanyEvidence(siren, siret, vat, kbis, null, null), DAY);
  }

  private static List<CompanyCheckCode> failedCodes(CompanyVerdict verdict) {
    return verdict.failures().stream().map(CompanyCheck::code).toList();
  }

  @Test
  void vatNumberOfTheDomainExample() {
    assertEquals("FR03552081317", CompanyIdentifiers.vatNumber("552081317"));
  }

  @Test
  void everyCheckPassesForAConsistentCompany() {
    CompanyVerdict verdict =
        verify("912 345 675", "912 345 675 00017", "fr 03552081317", LocalDate.of(2025, 5, 1));

    assertEquals(
        List.of(
            CompanyCheckCode.SIREN,
            CompanyCheckCode.SIRET,
            CompanyCheckCode.SIRET_OF_SIREN,
            CompanyCheckCode.VAT_NUMBER,
            CompanyCheckCode.KBIS_DATE),
        verdict.checks().stream().map(CompanyCheck::code).toList());
    // the VAT number is of another company: only that check fails
    assertEquals(List.of(CompanyCheckCode.VAT_NUMBER), failedCodes(verdict));
    assertEquals(
        "Numéro de TVA FR03552081317 : il ne porte pas le SIREN 912345675 (FR"
            + CompanyIdentifiers.vatNumber("912345675").substring(2)
            + " attendu).",
        verdict.failures().get(0).reason());
    assertEquals("912345675", verdict.siren());
  }

  @Test
  void aCompanyFromItsSiretAloneIsAccepted() {
    CompanyVerdict verdict = verify(null, "91234567500017", null, null);

    assertTrue(verdict.accepted(), verdict.failures()::toString);
    assertEquals("912345675", verdict.siren());
    assertEquals(CompanyIdentifiers.vatNumber("912345675"), verdict.expectedVatNumber());
  }

  @ParameterizedTest
  @CsvSource({
    "552081318, 'SIREN 552081318 : le numéro est faux (son dernier chiffre, la clé de contrôle, ne correspond pas aux autres).'",
    "000000000, 'SIREN 000000000 : ce numéro n''est jamais attribué.'",
    "55208131, 'SIREN « 55208131 » : 9 chiffres attendus.'",
    "55208131A, 'SIREN « 55208131A » : 9 chiffres attendus.'"
  })
  void wrongSirensAreRefusedWithTheirReason(String siren, String reason) {
    CompanyVerdict verdict = verify(siren, null, null, null);

    assertFalse(verdict.accepted());
    assertEquals(reason, verdict.failures().get(0).reason());
  }

  @ParameterizedTest
  @CsvSource({
    "91234567500017, true",
    "91234567500018, false",
    "35600000000048, true",
    "35600000010000, true",
    "35600000010013, false",
    "00000000000000, false",
    "9123456750001, false"
  })
  void siretsFollowLuhnAndLaPosteRule(String siret, boolean valid) {
    CompanyCheck check = verify(null, siret, null, null).checks().get(0);

    assertEquals(CompanyCheckCode.SIRET, check.code());
    assertEquals(valid, check.passed(), check.reason());
  }

  @Test
  void laPosteEstablishmentsAreExplained() {
    CompanyCheck check = verify(null, "35600000010013", null, null).checks().get(0);

    assertEquals(
        "SIRET 35600000010013 : établissement de La Poste, la somme des chiffres doit être un"
            + " multiple de 5.",
        check.reason());
  }

  @Test
  void aSiretOfAnotherCompanyIsRefused() {
    CompanyVerdict verdict = verify("552081317", "91234567500017", null, null);

    assertEquals(List.of(CompanyCheckCode.SIRET_OF_SIREN), failedCodes(verdict));
  }

  @ParameterizedTest
  @CsvSource({
    "FR03552081317, true, 'Numéro de TVA FR03552081317 conforme au SIREN.'",
    "FR04552081317, false, 'Clé du numéro de TVA incorrecte : FR03552081317 attendu,"
        + " FR04552081317 lu.'",
    "FR0355208131, false, 'Numéro de TVA « FR0355208131 » : FR suivi de 2 chiffres de clé et des"
        + " 9 chiffres du SIREN attendu.'",
    "DE03552081317, false, 'Numéro de TVA « DE03552081317 » : FR suivi de 2 chiffres de clé et"
        + " des 9 chiffres du SIREN attendu.'"
  })
  void vatNumbers(String vat, boolean valid, String reason) {
    CompanyCheck check = verify("552081317", null, vat, null).checks().get(1);

    assertEquals(valid, check.passed());
    assertEquals(reason, check.reason());
  }

  @ParameterizedTest
  @CsvSource({
    "2025-06-01, 2025-06-01, true",
    "2025-06-01, 2025-06-02, false",
    "2025-06-01, 2025-03-02, true",
    "2025-06-01, 2025-03-01, false",
    "2025-05-31, 2025-03-01, true",
    "2025-05-31, 2025-02-28, false"
  })
  void kbisIsStrictlyLessThanThreeMonthsOldAndNotAfterTheMeeting(
      LocalDate day, LocalDate kbis, boolean valid) {
    CompanyCheck check = CompanyRegistrationCheck.kbisDate(kbis, day);

    assertEquals(valid, check.passed(), check.reason());
  }

  @Test
  void anOldKbisSaysWhichDateWasNeeded() {
    CompanyCheck check = CompanyRegistrationCheck.kbisDate(LocalDate.of(2025, 3, 1), DAY);

    assertEquals(
        "Extrait Kbis du 01/03/2025 trop ancien : il doit avoir moins de 3 mois le 01/06/2025,"
            + " donc dater d'après le 01/03/2025.",
        check.reason());
  }

  @Test
  void companyNamesAreComparedLikePersonNames() {
    Company company = new Company("L'Atelier Numérique-Démo", "SAS", "552081317", null, "");
    CompanyVerdict same =
        CompanyRegistrationCheck.verify(
            CompanyEvidence.of(company, null, null, "L ATELIER  NUMERIQUE DEMO"), DAY);
    CompanyVerdict other =
        CompanyRegistrationCheck.verify(
            CompanyEvidence.of(company, null, null, "Atelier Numérique"), DAY);

    assertTrue(same.accepted(), same.failures()::toString);
    assertEquals(
        "Dénomination différente : Kbis « Atelier Numérique », dossier « L'Atelier"
            + " Numérique-Démo ».",
        other.failures().get(0).reason());
  }

  @Test
  void noIdentifierAtAllIsRefused() {
    CompanyVerdict verdict = verify(null, null, null, DAY);

    assertEquals("Ni SIREN ni SIRET saisi.", verdict.failures().get(0).reason());
  }
}
