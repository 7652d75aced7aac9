package fr.aed.station.app.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.domain.IdentityDocumentType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Identity cards and passports of the other EU and EEA states pass the zone's check. */
class EuropeanDocumentsTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

  @ParameterizedTest
  @CsvSource({"ID, D<<, D", "I<, NLD, NLD", "CI, ITA, ITA", "ID, BEL, BEL", "I<, PRT, PRT"})
  void theirIdentityCardsAreRead(String code, String field, String state) {
    String zone =
        MrzSpecimen.td1(code, field, "T22000129", "840317", 'F', "310101", "MUELLER<<ANNA");

    DocumentVerdict verdict = IdentityDocumentCheck.verify(zone, DAY);

    assertTrue(verdict.accepted(), verdict.failures()::toString);
    IdentityDocument read = verdict.document().orElseThrow();
    assertEquals(IdentityDocumentType.ID_CARD, read.type());
    assertEquals(state, read.issuingState());
    assertTrue(DocumentCatalogue.builtIn().entryFor(read).isPresent(), state);
  }

  @Test
  void aGermanPassportIsReadAndInTheCatalogue() {
    String zone = MrzSpecimen.td3("D<<", "MUELLER<<JOERG", "C01X00T47", "840317", 'M', "310101");

    DocumentVerdict verdict = IdentityDocumentCheck.verify(zone, DAY);

    assertTrue(verdict.accepted(), verdict.failures()::toString);
    IdentityDocument read = verdict.document().orElseThrow();
    assertEquals("D", read.issuingState());
    assertEquals("EU-EEA-PASSPORT", DocumentCatalogue.builtIn().entryFor(read).orElseThrow().id());
  }

  @Test
  void otherCodesAreStillNotIdentityCards() {
    for (String code : List.of("AC", "IX", "C<")) {
      String zone = MrzSpecimen.td1(code, "D<<", "T22000129", "840317", 'F', "310101", "X<<Y");
      assertFalse(IdentityDocumentCheck.verify(zone, DAY).accepted(), code);
    }
  }

  @Test
  void theZoneGivesItsNamesForTheVisualZoneComparison() {
    String full = "WOLFESCHLEGELSTEINHAUSEN<<HUBERT<BLAINE";
    ZoneNames names =
        IdentityDocumentCheck.names(
                MrzSpecimen.td1("ID", "D<<", "T22000129", "840317", 'M', "310101", full), DAY)
            .orElseThrow();

    assertEquals("WOLFESCHLEGELSTEINHAUSEN", names.surname());
    assertEquals(List.of("HUBE"), names.givenNames());
    assertTrue(names.truncated());
    assertFalse(names.firstGivenNamesOnly());
    assertEquals(LocalDate.of(1984, 3, 17), names.birthDate());
    assertTrue(IdentityDocumentCheck.names("not a zone", DAY).isEmpty());
  }
}
