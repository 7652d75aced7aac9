package fr.aed.station.app.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.Holder;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The names read in the MRZ against the dossier's holder. */
class HolderNameComparisonTest {

  private static final LocalDate DAY = LocalDate.of(2025, 6, 1);

  private static Holder holder(String surname, String... givenNames) {
    return new Holder(surname, List.of(givenNames), LocalDate.of(1990, 7, 13), "Lyon", "", "");
  }

  private static List<DocumentCheck> nameChecks(String mrz, Holder holder) {
    return IdentityDocumentCheck.verify(mrz, DAY, holder).checks().stream()
        .filter(
            c -> c.code() == DocumentCheckCode.SURNAME || c.code() == DocumentCheckCode.GIVEN_NAMES)
        .toList();
  }

  @Test
  void accentsCaseHyphensApostrophesAndSpacesDoNotMatter() {
    String mrz =
        MrzSpecimen.td1(
            "ID", "FRA", "X4RTBPFW4", "900713", 'F', "300211", "LEFEVRE<DUBOIS<<ANNE<SOPHIE");
    Holder holder = holder("Lefèvre-Dubois", "anne - sophie");

    assertTrue(nameChecks(mrz, holder).stream().allMatch(DocumentCheck::passed));
    String apostrophe =
        MrzSpecimen.td3("FRA", "DARTAGNAN<<CHARLES", "12AB34567", "900713", 'M', "300211");
    assertTrue(
        nameChecks(apostrophe, holder("d'Artagnan", "Charles")).stream()
            .allMatch(DocumentCheck::passed));
  }

  @Test
  void theDossierIsTransliteratedAsIcao9303Does() {
    Holder holder = holder("Müller-Øster", "Jörg");
    for (String names : List.of("MUELLER<OESTER<<JOERG", "MULLER<OESTER<<JORG")) {
      String mrz = MrzSpecimen.td3("D<<", names, "C01X00T47", "900713", 'M', "300211");
      assertTrue(nameChecks(mrz, holder).stream().allMatch(DocumentCheck::passed), names);
    }
    String other =
        MrzSpecimen.td3("D<<", "MILLER<OESTER<<JOERG", "C01X00T47", "900713", 'M', "300211");
    assertEquals(false, nameChecks(other, holder).get(0).passed());
  }

  @Test
  void theLegacyCardsFirstGivenNamesAreTransliteratedToo() {
    String legacy = MrzSpecimen.legacy("MUELLER", "1403", "JOERG", "900713", 'M');

    List<DocumentCheck> checks = nameChecks(legacy, holder("Müller", "Jörg", "Peter"));

    assertTrue(checks.stream().allMatch(DocumentCheck::passed), checks::toString);
  }

  @Test
  void differencesNameTheFieldAndBothValues() {
    List<DocumentCheck> checks =
        nameChecks(SpecimenVectorsTest.CNIE, holder("Martins", "Maëlys", "Gaëlle"));

    assertEquals(
        List.of(
            DocumentCheck.failed(
                DocumentCheckCode.SURNAME, "mrz.holder.surname-differs", "MARTIN", "Martins"),
            DocumentCheck.failed(
                DocumentCheckCode.GIVEN_NAMES,
                "mrz.holder.given-names-differ",
                "MAELYS GAELLE MARIE",
                "Maëlys Gaëlle")),
        checks);
    assertEquals(
        "Prénoms différents : MRZ « MAELYS GAELLE MARIE », dossier « Maëlys Gaëlle ».",
        checks.get(1).reason());
    assertEquals(
        "Given names differ: MRZ “MAELYS GAELLE MARIE”, dossier “Maëlys Gaëlle”.",
        checks.get(1).message().in(java.util.Locale.ENGLISH));
  }

  @Test
  void theLegacyCardMayCarryOnlyTheFirstGivenNames() {
    List<DocumentCheck> checks =
        nameChecks(SpecimenVectorsTest.LEGACY, holder("Berthier", "Corinne", "Marie"));

    assertTrue(checks.stream().allMatch(DocumentCheck::passed), checks::toString);
    assertEquals(
        "La carte ne porte que les premiers prénoms « CORINNE », conformes au dossier « Corinne"
            + " Marie ».",
        checks.get(1).reason());
  }

  @Test
  void anIcaoDocumentMustCarryEveryGivenName() {
    List<DocumentCheck> checks =
        nameChecks(SpecimenVectorsTest.CNIE, holder("Martin", "Maëlys", "Gaëlle", "Marie", "Lou"));

    assertEquals(false, checks.get(1).passed());
  }

  @Test
  void aFullNameFieldMayBeCutShort() {
    String mrz =
        MrzSpecimen.td1(
            "ID", "FRA", "X4RTBPFW4", "900713", 'F', "300211", "MARTIN<<MAELYS<GAELLE<MARIE<ROSA");

    List<DocumentCheck> checks =
        nameChecks(mrz, holder("Martin", "Maëlys", "Gaëlle", "Marie", "Rosalinde"));

    assertTrue(checks.stream().allMatch(DocumentCheck::passed), checks::toString);
  }

  // A dossier saying 2030-01-01 closed a meeting whose MRZ said 1984: the sheet printed the
  // dossier's date beside "MRZ checked".
  @Test
  void theBirthDateReadMustBeTheDossiers() {
    String mrz = MrzSpecimen.td3("FRA", "DARTAGNAN<<CHARLES", "12AB34567", "900713", 'M', "300211");
    Holder born2030 =
        new Holder("d'Artagnan", List.of("Charles"), LocalDate.of(2030, 1, 1), "Lyon", "", "");

    List<DocumentCheck> checks =
        IdentityDocumentCheck.verify(mrz, DAY, born2030).checks().stream()
            .filter(c -> c.code() == DocumentCheckCode.HOLDER_BIRTH_DATE)
            .toList();

    assertEquals(
        List.of(
            DocumentCheck.failed(
                DocumentCheckCode.HOLDER_BIRTH_DATE,
                "mrz.holder.birth-date-differs",
                LocalDate.of(1990, 7, 13),
                LocalDate.of(2030, 1, 1))),
        checks);
    assertEquals(
        "Date de naissance différente : MRZ 13/07/1990, dossier 01/01/2030.",
        checks.get(0).reason());
    assertTrue(
        IdentityDocumentCheck.verify(mrz, DAY, holder("d'Artagnan", "Charles")).checks().stream()
            .filter(c -> c.code() == DocumentCheckCode.HOLDER_BIRTH_DATE)
            .allMatch(DocumentCheck::passed));
  }
}
