package fr.aed.station.app.gui;

import static fr.aed.station.app.gui.DossierFormField.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.FeeKind;
import fr.aed.station.app.domain.IdentityDocumentType;
import fr.aed.station.app.dossier.EnrollmentFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DossierFormViewModelTest {

  // The same dossier as the form below types it, written as a file the officer could import.
  private static final String JSON =
      """
      {
        "dossier": {
          "id": "DOS-2026-0042",
          "orderReference": "CMD-2026-0042",
          "product": "Pack ID RGS**",
          "validityYears": 2,
          "holder": {
            "surname": "Lefèvre-Dubois",
            "givenNames": ["Élodie", "Marie"],
            "birthDate": "1984-03-17",
            "birthPlace": "Besançon (25)",
            "email": "elodie@atelier.example",
            "phone": "+33 3 81 00 00 00"
          },
          "company": {
            "name": "Atelier Numérique",
            "legalForm": "SAS",
            "siren": "912345675",
            "siret": "91234567500017",
            "holderRole": "Salariée"
          }
        },
        "meeting": {
          "officer": {
            "name": "Maître Jean Exemple",
            "office": "Étude Exemple",
            "address": "1 rue de l'Exemple, 25000 Besançon",
            "aedIdentifier": "AED-025-01",
            "trainedOn": "2026-09-02",
            "accreditation": "ACC-025-01"
          },
          "place": "Étude Exemple, Besançon",
          "heldAt": "2026-11-24T14:30",
          "identityDocument": {
            "type": "ID_CARD",
            "number": "X4RTBPFW4",
            "issuingState": "FRA",
            "expiryDate": "2033-11-24"
          },
          "mrz": "",
          "originalSeen": false,
          "photoMatches": false,
          "kbisDate": "2026-11-01",
          "kbisOverride": "",
          "formsSigned": false,
          "mandate": "Mandat du président, 2 novembre 2026",
          "fee": "TRAVEL_WITHIN_30_KM"
        }
      }
      """;

  @TempDir Path dir;

  private final List<Enrollment> opened = new ArrayList<>();
  private Path toSave;

  private final DialogService dialogs =
      new DialogService() {
        @Override
        public Optional<Path> chooseEnrollmentFileToSave(String suggestedName) {
          return Optional.ofNullable(toSave);
        }

        @Override
        public Optional<Path> chooseEnrollmentFile() {
          return Optional.empty();
        }

        @Override
        public boolean openFile(Path file) {
          return true;
        }

        @Override
        public void print(Path pdf) {}
      };

  private DossierFormViewModel model() {
    return new DossierFormViewModel(
        TestContexts.sameThread(dir, dialogs),
        opened::add,
        () -> {},
        DossierFormViewModel.texts(Locale.FRENCH));
  }

  // The enrollment file refuses half a character; the form said complete, then its read-back threw.
  @Test
  void halfACharacterIsAFieldToCorrectNotACrash() {
    DossierFormViewModel model = filled();
    type(model, HOLDER_ROLE, "Salari\ud800e");

    assertFalse(model.validProperty().get());
    assertTrue(model.errorProperty(HOLDER_ROLE).get().contains("U+D800"));
    assertEquals(Optional.empty(), model.enrollment());
  }

  private static void type(DossierFormViewModel model, DossierFormField field, String text) {
    model.textProperty(field).set(text);
  }

  private DossierFormViewModel filled() {
    DossierFormViewModel model = model();
    type(model, DOSSIER_ID, "DOS-2026-0042");
    type(model, ORDER_REFERENCE, "CMD-2026-0042");
    model.validityYearsProperty().set(2);
    type(model, SURNAME, "Lefèvre-Dubois");
    type(model, GIVEN_NAMES, " Élodie ,Marie ");
    type(model, BIRTH_DATE, "17/03/1984");
    type(model, BIRTH_PLACE, "Besançon (25)");
    type(model, EMAIL, "elodie@atelier.example");
    type(model, PHONE, "+33 3 81 00 00 00");
    type(model, COMPANY_NAME, "Atelier Numérique");
    type(model, LEGAL_FORM, "SAS");
    type(model, SIREN, "912 345 675");
    type(model, SIRET, "912 345 675 00017");
    type(model, HOLDER_ROLE, "Salariée");
    type(model, MANDATE, "Mandat du président, 2 novembre 2026");
    type(model, OFFICER_NAME, "Maître Jean Exemple");
    type(model, OFFICER_OFFICE, "Étude Exemple");
    type(model, OFFICER_ADDRESS, "1 rue de l'Exemple, 25000 Besançon");
    type(model, AED_IDENTIFIER, "AED-025-01");
    type(model, OFFICER_TRAINED_ON, "02/09/2026");
    type(model, OFFICER_ACCREDITATION, "ACC-025-01");
    type(model, PLACE, "Étude Exemple, Besançon");
    type(model, HELD_AT, "24/11/2026 14:30");
    model.documentTypeProperty().set(IdentityDocumentType.ID_CARD);
    type(model, DOCUMENT_NUMBER, "X4RTBPFW4");
    type(model, DOCUMENT_EXPIRY, "24/11/2033");
    type(model, KBIS_DATE, "01/11/2026");
    model.feeProperty().set(FeeKind.TRAVEL_WITHIN_30_KM);
    return model;
  }

  @Test
  void aCompleteDossierGivesWhatImportingTheSameFileGives() throws Exception {
    DossierFormViewModel model = filled();

    assertTrue(model.validProperty().get(), model.summaryProperty().get());
    assertEquals("", model.summaryProperty().get());
    Enrollment expected = EnrollmentFile.parseBeforeProofing("test", JSON);
    assertEquals(Optional.of(expected), model.enrollment());

    model.create();
    assertEquals(List.of(expected), opened);
  }

  @Test
  void savesTheDossierAsAFileTheImportReadsBack() throws Exception {
    DossierFormViewModel model = filled();
    toSave = dir.resolve("saisi.json");

    model.save();

    assertEquals(
        EnrollmentFile.parseBeforeProofing("test", JSON),
        EnrollmentFile.readBeforeProofing(toSave));
    assertTrue(model.messageProperty().get().startsWith("Dossier enregistré : "));
    assertTrue(model.messageProperty().get().endsWith("saisi.json"));
  }

  @Test
  void aFreshFormCountsWhatIsMissingWithoutShoutingAtEmptyFields() {
    DossierFormViewModel model = model();

    assertFalse(model.validProperty().get());
    assertEquals(Optional.empty(), model.enrollment());
    // every field but the product, the issuing state, the meeting time, the fee and the mandate
    assertEquals("25 champs à compléter ou à corriger.", model.summaryProperty().get());
    assertEquals("", model.errorProperty(SURNAME).get());
    assertEquals("", model.errorProperty(VALIDITY_YEARS).get());
    assertEquals("FRA", model.textProperty(ISSUING_STATE).get());

    model.create();
    assertTrue(opened.isEmpty());
  }

  @ParameterizedTest(name = "{0} = ''{1}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "DOSSIER_ID       | ''                  | Champ obligatoire.",
        "SURNAME          | '   '               | Champ obligatoire.",
        "GIVEN_NAMES      | ' , '               | Champ obligatoire.",
        "BIRTH_DATE       | 31/02/1984          | Date illisible : jj/mm/aaaa attendu.",
        "BIRTH_DATE       | 1984-03-17          | Date illisible : jj/mm/aaaa attendu.",
        "BIRTH_DATE       | 25/11/2026          | La date de naissance doit précéder le jour du"
            + " rendez-vous.",
        "EMAIL            | elodie.atelier.fr   | Adresse électronique « elodie.atelier.fr »"
            + " invalide : nom@domaine.fr attendu.",
        "SIREN            | 912345670           | SIREN 912345670 : le numéro est faux (son dernier"
            + " chiffre, la clé de contrôle, ne correspond pas aux autres).",
        "SIREN            | 000000000           | SIREN 000000000 : ce numéro n'est jamais attribué.",
        "SIREN            | 91234567            | SIREN « 91234567 » : 9 chiffres attendus.",
        "SIRET            | 91234567500018      | SIRET 91234567500018 : le numéro est faux (son"
            + " dernier chiffre, la clé de contrôle, ne correspond pas aux autres).",
        "SIRET            | 35600000000048      | Le SIRET 35600000000048 n'est pas un"
            + " établissement du SIREN 912345675.",
        "HELD_AT          | 24/11/2026          | Date et heure illisibles : jj/mm/aaaa hh:mm"
            + " attendu.",
        "ISSUING_STATE    | fr                  | État de délivrance « fr » : code à 3 lettres"
            + " majuscules attendu (FRA).",
        "DOCUMENT_EXPIRY  | demain              | Date illisible : jj/mm/aaaa attendu.",
        "KBIS_DATE        | 01/13/2026          | Date illisible : jj/mm/aaaa attendu.",
        "OFFICER_NAME     | ''                  | Champ obligatoire.",
        "AED_IDENTIFIER   | ''                  | Champ obligatoire.",
        "BIRTH_PLACE      | Besan\u001B[2Jçon   | Caractère de contrôle interdit : U+001B (ESCAPE).",
        "COMPANY_NAME     | Atelier\u200BDémo   | Caractère invisible interdit : U+200B (ZERO WIDTH"
            + " SPACE).",
        "LEGAL_FORM       | SASSASSASSASSASSASSASSASSASSASSASSASSASSASSASSASSASSASSASSASSASSASS"
            + " | Trop long : 64 caractères au plus.",
      })
  void eachWrongFieldSaysWhyAndBlocksTheDossier(
      DossierFormField field, String typed, String message) {
    DossierFormViewModel model = filled();
    String right = model.textProperty(field).get();

    type(model, field, typed);

    assertEquals(message, model.errorProperty(field).get());
    assertFalse(model.validProperty().get());
    assertEquals("1 champ à compléter ou à corriger.", model.summaryProperty().get());
    model.create();
    assertTrue(opened.isEmpty());
    assertEquals(Optional.empty(), model.enrollment());

    type(model, field, right);
    assertEquals("", model.errorProperty(field).get(), "a corrected field clears its error");
    assertTrue(model.validProperty().get());
  }

  @Test
  void unchosenListsSayToChoose() {
    DossierFormViewModel model = filled();

    model.validityYearsProperty().set(null);
    model.documentTypeProperty().set(null);

    assertEquals("Choisissez une valeur.", model.errorProperty(VALIDITY_YEARS).get());
    assertEquals("Choisissez une valeur.", model.errorProperty(DOCUMENT_TYPE).get());
    assertEquals("2 champs à compléter ou à corriger.", model.summaryProperty().get());
    assertFalse(model.validProperty().get());
  }

  @Test
  void aValidityOutsideTheOfferIsRefusedWithTheMeetingRulesReason() {
    DossierFormViewModel model = filled();

    model.validityYearsProperty().set(5);

    assertEquals(
        "La durée de validité doit être de 1, 2 ou 3 ans.",
        model.errorProperty(VALIDITY_YEARS).get());
    assertFalse(model.validProperty().get());
  }

  @Test
  void theMandateMayStayEmptyWhenTheHolderRepresentsTheCompany() throws Exception {
    DossierFormViewModel model = filled();

    type(model, MANDATE, "");

    assertTrue(model.validProperty().get());
    assertFalse(model.enrollment().orElseThrow().meeting().actsUnderMandate());
  }

  @Test
  void bothLanguagesLabelEveryFieldWithTheSameKeys() {
    ResourceBundle french = DossierFormViewModel.texts(Locale.FRENCH);
    ResourceBundle english = DossierFormViewModel.texts(Locale.ENGLISH);

    assertEquals(french.keySet(), english.keySet());
    for (DossierFormField field : DossierFormField.values()) {
      assertTrue(french.containsKey(field.labelKey()), field.labelKey());
    }
    assertEquals("Champ obligatoire.", french.getString("error.required"));
    assertEquals("Required.", english.getString("error.required"));
    // French is the default: a language without its own texts does not fall back to English
    assertEquals("Saisir un dossier", DossierFormViewModel.texts(Locale.GERMAN).getString("title"));
  }
}
