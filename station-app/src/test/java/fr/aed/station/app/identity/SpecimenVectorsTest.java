package fr.aed.station.app.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.IdentityDocumentType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public specimens of domain.md, and the check digit computation itself. */
class SpecimenVectorsTest {

  static final String PASSPORT =
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
  static final String CNIE =
      "IDFRAX4RTBPFW46<<<<<<<<<<<<<<<\n9007138F3002119FRA<<<<<<<<<<<6\n"
          + "MARTIN<<MAELYS<GAELLE<MARIE<<<";
  static final String LEGACY =
      "IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<\n9409923102854CORINNE<<<<<<<6512068F4";

  @Test
  void checkDigitsOfTheIcaoSpecimen() {
    assertEquals(6, CheckDigit.of("L898902C3"));
    assertEquals(2, CheckDigit.of("740812"));
    assertEquals(9, CheckDigit.of("120415"));
    assertEquals(0, CheckDigit.of("<<<<<"));
    assertEquals(35, CheckDigit.valueOf('Z'));
  }

  @Test
  void passportSpecimenPassesEveryCheckOnItsLastValidDay() {
    DocumentVerdict verdict = IdentityDocumentCheck.verify(PASSPORT, LocalDate.of(2012, 4, 15));

    assertTrue(verdict.accepted(), verdict.failures()::toString);
    MrzFields fields = verdict.fields();
    assertEquals(IdentityDocumentType.PASSPORT, fields.type());
    assertEquals("L898902C3", fields.number());
    assertEquals("UTO", fields.issuingState());
    assertEquals("ERIKSSON", fields.surname());
    assertEquals(List.of("ANNA", "MARIA"), fields.givenNames());
    assertEquals(LocalDate.of(1974, 8, 12), fields.birthDate());
    assertEquals("F", fields.sex());
    assertEquals(LocalDate.of(2012, 4, 15), fields.expiryDate());
  }

  @Test
  void passportSpecimenIsExpiredTheDayAfter() {
    DocumentVerdict verdict = IdentityDocumentCheck.verify(PASSPORT, LocalDate.of(2012, 4, 16));

    assertFalse(verdict.accepted());
    assertEquals(1, verdict.failures().size());
    DocumentCheck failure = verdict.failures().get(0);
    assertEquals(DocumentCheckCode.VALIDITY, failure.code());
    assertEquals(
        "Document expiré : valable jusqu'au 15/04/2012 seulement (rendez-vous du 16/04/2012).",
        failure.reason());
  }

  @Test
  void idCardSpecimenPassesEveryCheck() {
    DocumentVerdict verdict = IdentityDocumentCheck.verify(CNIE, LocalDate.of(2025, 6, 1));

    assertTrue(verdict.accepted(), verdict.failures()::toString);
    MrzFields fields = verdict.fields();
    assertEquals(IdentityDocumentType.ID_CARD, fields.type());
    assertEquals("X4RTBPFW4", fields.number());
    assertEquals("FRA", fields.issuingState());
    assertEquals("MARTIN", fields.surname());
    assertEquals(List.of("MAELYS", "GAELLE", "MARIE"), fields.givenNames());
    assertEquals(LocalDate.of(1990, 7, 13), fields.birthDate());
    assertEquals(LocalDate.of(2030, 2, 11), fields.expiryDate());
    assertNull(fields.issueDate());
  }

  @Test
  void legacySpecimenIsReadAsTheLegacyCardNotAsTd2() {
    DocumentVerdict verdict = IdentityDocumentCheck.verify(LEGACY, LocalDate.of(2004, 8, 31));

    assertTrue(verdict.accepted(), verdict.failures()::toString);
    MrzFields fields = verdict.fields();
    assertEquals(IdentityDocumentType.LEGACY_ID_CARD, fields.type());
    assertEquals("940992310285", fields.number());
    assertEquals("BERTHIER", fields.surname());
    assertEquals(List.of("CORINNE"), fields.givenNames());
    assertEquals(LocalDate.of(1965, 12, 6), fields.birthDate());
    assertEquals("F", fields.sex());
    assertEquals(LocalDate.of(1994, 9, 1), fields.issueDate());
    assertEquals(LocalDate.of(2004, 8, 31), fields.expiryDate());
  }

  @Test
  void legacySpecimenHasExpiredTenYearsAfterIssue() {
    DocumentVerdict verdict = IdentityDocumentCheck.verify(LEGACY, LocalDate.of(2025, 6, 1));

    assertEquals(List.of(DocumentCheckCode.VALIDITY), codes(verdict.failures()));
    assertEquals(
        "Carte délivrée en 09/1994, délivrée avant le 2 janvier 2004 : 10 ans : expirée, valable"
            + " jusqu'au 31/08/2004 seulement (rendez-vous du 01/06/2025).",
        verdict.failures().get(0).reason());
  }

  @Test
  void buildersReproduceTheSpecimens() {
    assertEquals(
        PASSPORT.substring(0, 45) + PASSPORT.substring(45, 73),
        MrzSpecimen.td3("UTO", "ERIKSSON<<ANNA<MARIA", "L898902C3", "740812", 'F', "120415")
            .substring(0, 73));
    assertEquals(
        CNIE,
        MrzSpecimen.td1(
            "ID", "FRA", "X4RTBPFW4", "900713", 'F', "300211", "MARTIN<<MAELYS<GAELLE<MARIE"));
  }

  static List<DocumentCheckCode> codes(List<DocumentCheck> checks) {
    return checks.stream().map(DocumentCheck::code).toList();
  }
}
