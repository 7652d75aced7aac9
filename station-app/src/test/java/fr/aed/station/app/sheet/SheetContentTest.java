package fr.aed.station.app.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.FeeKind;
import fr.aed.station.app.sheet.SheetItem.Field;
import fr.aed.station.app.sheet.SheetItem.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SheetContentTest {

  @Test
  void listsTheSectionsOfTheSheetInOrder() {
    List<String> titles =
        SheetContent.sections(SampleSheets.sheet()).stream().map(SheetSection::title).toList();
    assertEquals(
        List.of(
            "Autorité de certification",
            "Opérateur d'AED",
            "Date, heure et lieu du rendez-vous",
            "Titulaire",
            "Pièce d'identité",
            "Entreprise",
            "Conformité",
            "Support cryptographique",
            "Demande de certificat",
            "Honoraires",
            "Déclarations du titulaire",
            "Originaux à envoyer par courrier à l'autorité de certification"),
        titles);
  }

  @Test
  void writesDatesTimesAndAnswersInFrench() {
    Map<String, String> meeting = fields("Date, heure et lieu du rendez-vous");
    assertEquals("14/04/2025", meeting.get("Date"));
    assertEquals("09:30", meeting.get("Heure"));
    assertEquals("09/03/1984", fields("Titulaire").get("Date de naissance"));
    assertEquals("oui", fields("Pièce d'identité").get("Original présenté"));
    assertEquals("14/04/2025 à 10:05", fields("Autorité de certification").get("Fiche établie le"));
  }

  @Test
  void printsTheRequestAsLabelledLinesAndNoCardCommandName() {
    Map<String, String> request = fields("Demande de certificat");
    assertEquals("NTRFR-55208131700040", request.get("Numéro d'identification de l'organisation"));
    assertEquals("Atelier Lumière SAS", request.get("Organisation"));
    request
        .keySet()
        .forEach(label -> assertFalse(label.matches("[A-Z]{1,2}|[0-9.]+|[a-z]+[A-Z]\\w*"), label));
    String all = SheetContent.sections(SampleSheets.sheet()).toString();
    assertFalse(all.contains("GENERATE ASYMMETRIC KEY PAIR"), all);
    assertFalse(all.contains("PIV over PC/SC"), all);
    assertFalse(all.contains("taxes professionnelles"), all);
    assertFalse(all.contains("CKA_"), all);
    assertEquals(
        "Selon le support, la clé est créée sur le support, jamais exportable, protégée",
        fields("Support cryptographique").get("Génération de la clé"));
  }

  @Test
  void endsWithThePostalChecklistOfOriginals() {
    List<SheetSection> sections = SheetContent.sections(SampleSheets.sheet());
    SheetSection last = sections.get(sections.size() - 1);
    assertEquals("Originaux à envoyer par courrier à l'autorité de certification", last.title());
    assertEquals(4, last.items().size());
    assertTrue(last.items().get(3).toString().contains("Kbis"));
  }

  @Test
  void printsTheMrzResultAndWhetherTheHolderActsUnderAMandate() {
    assertEquals("non saisie", fields("Pièce d'identité").get("Bande MRZ"));
    assertEquals(
        "Aucun : le titulaire est le représentant légal", fields("Entreprise").get("Mandat"));
  }

  @Test
  void namesTheProductAndPolicyButNoParticularAuthority() {
    Map<String, String> header = fields("Autorité de certification");
    assertEquals("Pack ID RGS** — validité 3 ans", header.get("Produit"));
    assertEquals("RGS** / ETSI EN 319 411-1 QCP-n-qscd", header.get("Politique de certification"));
    assertEquals("CMD-88412", header.get("Référence de commande"));
  }

  @Test
  void printsTheFixedFeeOrTheQuotation() {
    assertEquals("50,00 € HT", FrenchFormat.feeAmount(FeeKind.AT_OFFICE));
    assertEquals("170,00 € HT", FrenchFormat.feeAmount(FeeKind.TRAVEL_WITHIN_30_KM));
    assertEquals("sur devis", FrenchFormat.feeAmount(FeeKind.TRAVEL_BEYOND_30_KM));
  }

  @Test
  void theConformitySectionSaysTheProofingInTheAuditsWords() {
    Map<String, String> conformity = fields("Conformité");

    assertEquals(
        "Carte nationale d'identité (depuis 2021), type accepté par le catalogue 2026-12-05.",
        conformity.get("Pièce examinée"));
    assertEquals(
        "3 éléments conformes sur 3 tirés au hasard dans le catalogue 2026-12-05 : « Image"
            + " optiquement variable (DOVID) » conforme (en inclinant la pièce) ; « Image fantôme »"
            + " conforme (à l'œil nu) ; « Relief tactile » conforme (au toucher).",
        conformity.get("Éléments de sécurité"));
    assertEquals(
        "Portrait comparé à la personne présente : même personne, conclusion donnée le 14/04/2025"
            + " à 09:36.",
        conformity.get("Portrait"));
    assertEquals(
        "2 min 0 s de comparaison, de 09:34 à 09:36.", conformity.get("Durée de la comparaison"));
    assertTrue(
        conformity
            .get("Noms et date de naissance")
            .startsWith("Noms et date de naissance de la zone visuelle identiques"));
    assertEquals(
        "Qualité « Présidente », représentant légal nommé sur l'extrait du registre ; extrait RCS"
            + " Besançon 912 345 675 du 28/03/2025.",
        conformity.get("Pouvoir de représenter"));
    assertTrue(
        conformity
            .get("Délégation")
            .startsWith("Sans objet : le titulaire est représentant légal"));
    assertEquals(
        "Opérateur formé le 20/01/2025 (formation valable jusqu'au 20/01/2026), habilitation"
            + " ACC-42-2025-0007.",
        conformity.get("Formation de l'opérateur"));
    assertTrue(conformity.get("Consentement du titulaire").endsWith("le 14/04/2025 à 09:37."));
    assertTrue(
        conformity
            .get("Exigences")
            .startsWith(
                "40 satisfaites et 2 sans objet sur les 42 exigences vérifiées au rendez-vous (table des exigences 2026-12-05) ; les 11 autres"),
        conformity.get("Exigences"));
  }

  @Test
  void printsADashForWhatWasNotRecorded() {
    assertEquals("—", FrenchFormat.text(null));
    assertEquals("—", FrenchFormat.text(" "));
    assertEquals("—", FrenchFormat.date(null));
    assertEquals("—", FrenchFormat.feeAmount(null));
  }

  @Test
  void statesEveryDutyOfTheHolder() {
    String declarations =
        section("Déclarations du titulaire").items().stream()
            .map(item -> ((Statement) item).text())
            .collect(Collectors.joining("\n"));
    assertTrue(declarations.contains("exactes"));
    assertTrue(declarations.contains("contrôle exclusif"));
    assertTrue(declarations.contains("générée dans ce support"));
    assertTrue(declarations.contains("perte ou le vol"));
    assertTrue(declarations.contains("code PIN"));
    assertTrue(declarations.contains("conservés"));
    assertTrue(declarations.contains("publié"));
  }

  @Test
  void datesBothSignatureBoxesOnTheMeetingDay() {
    List<SignatureBox> boxes = SheetContent.signatureBoxes(SampleSheets.sheet());
    assertEquals(
        List.of(
            new SignatureBox(
                Signer.HOLDER,
                "Le titulaire",
                "Élodie Lefèvre-Dubois",
                "Saint-Étienne",
                "14/04/2025"),
            new SignatureBox(
                Signer.OFFICER,
                "L'opérateur d'AED",
                "Maître François Gérard",
                "Saint-Étienne",
                "14/04/2025")),
        boxes);
  }

  private static SheetSection section(String title) {
    return SheetContent.sections(SampleSheets.sheet()).stream()
        .filter(s -> s.title().equals(title))
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, String> fields(String title) {
    return section(title).items().stream()
        .map(Field.class::cast)
        .collect(Collectors.toMap(Field::label, Field::value, (a, b) -> a, LinkedHashMap::new));
  }
}
