package fr.aed.station.app.identity;

import static fr.aed.station.app.identity.SpecimenVectorsTest.CNIE;
import static fr.aed.station.app.identity.SpecimenVectorsTest.LEGACY;
import static fr.aed.station.app.identity.SpecimenVectorsTest.PASSPORT;
import static fr.aed.station.app.identity.SpecimenVectorsTest.codes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.IdentityDocumentType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input of every kind gives a specific reason; tolerated input reads the same. */
class IdentityDocumentCheckTest {

  private static final LocalDate DAY = LocalDate.of(2025, 6, 1);

  private static DocumentVerdict verify(String mrz) {
    return IdentityDocumentCheck.verify(mrz, DAY);
  }

  private static String reasonOf(DocumentVerdict verdict, DocumentCheckCode code) {
    return verdict.checks().stream()
        .filter(c -> c.code() == code)
        .findFirst()
        .orElseThrow()
        .reason();
  }

  /** Replaces the character at (line, column), both from 1. */
  static String replace(String mrz, int line, int column, char c) {
    String[] lines = mrz.split("\n");
    StringBuilder edited = new StringBuilder(lines[line - 1]);
    edited.setCharAt(column - 1, c);
    lines[line - 1] = edited.toString();
    return String.join("\n", lines);
  }

  @Test
  void whitespaceLineEndsBlankLinesAndLowerCaseAreTolerated() {
    String typed = "\r\n  " + CNIE.toLowerCase().replace("\n", " \r\n\r\n\t") + "  \n";

    DocumentVerdict verdict = verify(typed);

    assertTrue(verdict.accepted(), verdict.failures()::toString);
    assertEquals("X4RTBPFW4", verdict.fields().number());
  }

  @Test
  void anythingElseIsReportedWithItsPosition() {
    String typed = replace(replace(PASSPORT, 1, 8, 'é'), 2, 12, ' ');

    DocumentVerdict verdict = verify(typed);

    assertEquals(List.of(DocumentCheckCode.MRZ_CHARACTERS), codes(verdict.failures()));
    assertEquals(
        "Caractères interdits dans la MRZ (seuls 0-9, A-Z et < sont permis) : « é » (U+00E9)"
            + " ligne 1, position 8 ; espace ligne 2, position 12.",
        verdict.failures().get(0).reason());
    assertNull(verdict.fields());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''| Aucune MRZ saisie.",
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<| Format de MRZ non reconnu (1 ligne de 44"
            + " caractères) : 2 lignes de 44 caractères (passeport), 3 lignes de 30 (carte"
            + " d'identité, titre de séjour) ou 2 lignes de 36 (ancienne carte d'identité)"
            + " attendues.",
      })
  void missingLinesAreReported(String mrz, String reason) {
    DocumentVerdict verdict = verify(mrz);

    assertFalse(verdict.accepted());
    assertEquals(reason, reasonOf(verdict, DocumentCheckCode.MRZ_FORMAT));
  }

  @Test
  void aShortLineIsReportedWithItsLength() {
    DocumentVerdict verdict = verify(PASSPORT.substring(0, PASSPORT.length() - 1));

    assertEquals(
        "MRZ de passeport (2 lignes de 44 caractères) : la ligne 2 compte 43 caractères au lieu"
            + " de 44.",
        reasonOf(verdict, DocumentCheckCode.MRZ_FORMAT));
  }

  @Test
  void aTd1WithALineMissingIsNotTakenForTheLegacyCard() {
    DocumentVerdict verdict = verify(CNIE.substring(0, 61));

    assertFalse(verdict.accepted());
    assertTrue(reasonOf(verdict, DocumentCheckCode.MRZ_FORMAT).contains("2 lignes de 30, 30"));
  }

  @Test
  void aTd2DocumentIsRefused() {
    DocumentVerdict verdict =
        verify("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n" + "D231458907UTO7408122F1204159<<<<<<<6");

    assertEquals(
        "MRZ de 2 lignes de 36 caractères d'un document étranger : ce type de document n'est pas"
            + " accepté.",
        reasonOf(verdict, DocumentCheckCode.MRZ_FORMAT));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "DOCUMENT_NUMBER_CHECK_DIGIT, 2, 10, du numéro de document",
    "BIRTH_DATE_CHECK_DIGIT, 2, 20, de la date de naissance",
    "EXPIRY_DATE_CHECK_DIGIT, 2, 28, de la date d'expiration",
    "COMPOSITE_CHECK_DIGIT, 2, 44, global (composite)",
  })
  void everyPassportCheckDigitIsChecked(DocumentCheckCode code, int line, int column, String what) {
    String mrz = MrzSpecimen.td3("FRA", "DUPONT<<JEAN", "12AB34567", "800101", 'M', "300101");
    char read = mrz.split("\n")[line - 1].charAt(column - 1);
    char wrong = (char) ('0' + (read - '0' + 1) % 10);

    DocumentVerdict verdict = verify(replace(mrz, line, column, wrong));

    assertEquals(
        "Chiffre de contrôle %s incorrect : %c attendu, %c lu.".formatted(what, read, wrong),
        reasonOf(verdict, code));
  }

  @Test
  void aPersonalNumberCheckDigitMustBeThereWhenThereIsAPersonalNumber() {
    String mrz = replace(PASSPORT, 2, 43, '<');

    DocumentVerdict verdict = verify(mrz);

    assertTrue(verdict.failed(DocumentCheckCode.OPTIONAL_DATA_CHECK_DIGIT));
    assertEquals(
        "Chiffre de contrôle des données facultatives absent : 1 attendu, < lu.",
        reasonOf(verdict, DocumentCheckCode.OPTIONAL_DATA_CHECK_DIGIT));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "DOCUMENT_NUMBER_CHECK_DIGIT, 1, 15",
    "BIRTH_DATE_CHECK_DIGIT, 2, 7",
    "EXPIRY_DATE_CHECK_DIGIT, 2, 15",
    "COMPOSITE_CHECK_DIGIT, 2, 30",
  })
  void everyIdCardCheckDigitIsChecked(DocumentCheckCode code, int line, int column) {
    char read = CNIE.split("\n")[line - 1].charAt(column - 1);

    DocumentVerdict verdict = verify(replace(CNIE, line, column, read == '9' ? '0' : '9'));

    assertTrue(verdict.failed(code), verdict.checks()::toString);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "DOCUMENT_NUMBER_CHECK_DIGIT, 2, 13",
    "BIRTH_DATE_CHECK_DIGIT, 2, 34",
    "COMPOSITE_CHECK_DIGIT, 2, 36",
  })
  void everyLegacyCardCheckDigitIsChecked(DocumentCheckCode code, int line, int column) {
    char read = LEGACY.split("\n")[line - 1].charAt(column - 1);

    DocumentVerdict verdict = verify(replace(LEGACY, line, column, read == '9' ? '0' : '9'));

    assertTrue(verdict.failed(code), verdict.checks()::toString);
    assertEquals(IdentityDocumentType.LEGACY_ID_CARD, verdict.fields().type());
  }

  @Test
  void aLetterInACheckDigitIsUnreadable() {
    DocumentVerdict verdict = verify(replace(CNIE, 2, 7, 'B'));

    assertEquals(
        "Chiffre de contrôle de la date de naissance illisible : 8 attendu, « B » lu.",
        reasonOf(verdict, DocumentCheckCode.BIRTH_DATE_CHECK_DIGIT));
  }

  @Test
  void residencePermitsAreFrenchTd1WithCodeIr() {
    String permit = MrzSpecimen.td1("IR", "FRA", "AB1234567", "850315", 'M', "290101", "DOE<<JOHN");
    String foreign =
        MrzSpecimen.td1("IR", "D<<", "AB1234567", "850315", 'M', "290101", "DOE<<JOHN");
    String crew = MrzSpecimen.td1("AC", "FRA", "AB1234567", "850315", 'M', "290101", "DOE<<JOHN");

    assertTrue(verify(permit).accepted(), verify(permit).failures()::toString);
    assertEquals(IdentityDocumentType.RESIDENCE_PERMIT, verify(permit).fields().type());
    assertEquals(List.of(DocumentCheckCode.DOCUMENT_TYPE), codes(verify(foreign).failures()));
    assertEquals(
        "Code de document « AC » : ID (carte d'identité) ou IR (titre de séjour) attendu.",
        verify(crew).failures().get(0).reason());
  }

  @Test
  void unreadableDatesAndSexAreReported() {
    String mrz = MrzSpecimen.td3("FRA", "DUPONT<<JEAN", "12AB34567", "801301", 'Z', "300101");

    DocumentVerdict verdict = verify(mrz);

    assertEquals(
        List.of(DocumentCheckCode.BIRTH_DATE, DocumentCheckCode.SEX), codes(verdict.failures()));
    assertEquals(
        "Date de naissance illisible : « 801301 » n'est pas une date AAMMJJ.",
        verdict.failures().get(0).reason());
    assertEquals("Sexe illisible : « Z » lu, F ou M attendu.", verdict.failures().get(1).reason());
  }

  @Test
  void aLegacyCardIssuedOutsideItsPeriodIsRefused() {
    String mrz = MrzSpecimen.legacy("DUPONT", "2203", "JEAN", "800101", 'M');

    DocumentVerdict verdict = verify(mrz);

    assertEquals(
        List.of(DocumentCheckCode.ISSUE_DATE, DocumentCheckCode.VALIDITY),
        codes(verdict.failures()));
    assertEquals(
        "Date de délivrance 03/2022 hors de la période de ce modèle de carte (1988-2021).",
        verdict.failures().get(0).reason());
  }

  @Test
  void aLegacyCardSaysItsValidityIsComputed() {
    String mrz = MrzSpecimen.legacy("DUPONT", "1503", "JEAN", "800101", 'M');

    DocumentVerdict verdict = verify(mrz);

    assertTrue(verdict.accepted(), verdict.failures()::toString);
    assertTrue(reasonOf(verdict, DocumentCheckCode.DOCUMENT_TYPE).contains("validité calculée"));
    assertEquals(
        "Carte délivrée en 03/2015, délivrée à un majeur depuis 2014 : 15 ans : valable jusqu'au"
            + " 28/02/2030 inclus.",
        reasonOf(verdict, DocumentCheckCode.VALIDITY));
  }

  @Test
  void aLongTd1DocumentNumberGoesOnInTheOptionalData() {
    String line1 = "IDFRA123456789<ABC";
    String digit = String.valueOf(CheckDigit.of("123456789ABC"));
    String first = MrzSpecimen.pad(line1 + digit, 30);
    String line2 =
        MrzSpecimen.withDigit("800101") + "M" + MrzSpecimen.withDigit("300101") + "FRA<<<<<<<<<<<";
    String composite = first.substring(5) + line2.substring(0, 7) + line2.substring(8, 15);
    String mrz =
        first
            + "\n"
            + line2
            + CheckDigit.of(composite + line2.substring(18, 29))
            + "\nDUPONT<<JEAN";

    DocumentVerdict verdict = verify(MrzSpecimen.pad(mrz, mrz.length() + 18));

    assertTrue(verdict.accepted(), verdict.failures()::toString);
    assertEquals("123456789ABC", verdict.fields().number());
  }
}
