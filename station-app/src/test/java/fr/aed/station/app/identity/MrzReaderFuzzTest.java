package fr.aed.station.app.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.fuzz.FuzzInput;
import fr.aed.station.app.fuzz.FuzzStats;
import fr.aed.station.app.fuzz.ShortFuzzRun;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MRZ reader on hostile text (issue 14): any zone, meeting day and holder give a verdict, never
 * an exception; every check has a reason, a refusal at least one failed check; a zone read has the
 * layout's shape; and an accepted ICAO zone has every check digit right, recomputed here by ICAO
 * 9303's 7-3-1 rule independently of the reader.
 *
 * <p>Input fields ({@link FuzzInput}): the zone, the meeting day, then optionally the holder's
 * surname, given names (comma-separated) and birth day.
 */
class MrzReaderFuzzTest {

  private static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
  private static final LocalDate LAST_DAY = LocalDate.of(2199, 12, 31);

  // The seeds once before the fuzzer's clock starts (see EnrollmentFileFuzzTest).
  @BeforeAll
  static void warmUp() {
    seeds().forEach(MrzReaderFuzzTest::check);
  }

  // scripts/fuzz-long counts its inputs; Jazzer's default limit of 5 minutes would cut it short.
  @FuzzTest(maxDuration = "24h")
  void anyZoneGivesAVerdictWithReasons(byte[] input) throws Exception {
    FuzzStats.timed(input, () -> check(input));
  }

  @Test
  void shortRun() throws Exception {
    ShortFuzzRun.run(
        seeds(),
        List.of("<", "<<", "\n", "\r\n", "P<", "IDFRA", "IR", "0", "9", "\u00ff"),
        ShortFuzzRun.INPUTS,
        MrzReaderFuzzTest::check);
  }

  static void check(byte[] bytes) {
    FuzzInput input = new FuzzInput(bytes);
    String zone = input.text();
    LocalDate day = input.date(FIRST_DAY, LAST_DAY);
    Holder holder = input.hasMore() ? holder(input) : null;

    MrzInput read = MrzInput.read(zone);
    read.layout()
        .ifPresent(
            layout -> {
              assertEquals(layout.lineCount(), read.lines().size());
              for (String line : read.lines()) {
                assertEquals(layout.lineLength(), line.length());
                assertTrue(line.chars().allMatch(c -> MrzInput.isMrzCharacter((char) c)), line);
              }
            });

    DocumentVerdict verdict = IdentityDocumentCheck.verify(zone, day, holder);
    assertFalse(verdict.checks().isEmpty());
    verdict.checks().forEach(check -> assertFalse(check.reason().isBlank(), check::toString));
    assertEquals(read.layout().isEmpty(), verdict.fields() == null);
    if (!verdict.accepted()) {
      assertFalse(verdict.failures().isEmpty());
      return;
    }
    MrzFields fields = verdict.fields();
    assertNotNull(fields.birthDate());
    assertFalse(fields.expiryDate().isBefore(day), "accepted although expired");
    assertTrue(verdict.document().isPresent());
    switch (read.layout().get()) {
      case TD3 -> assertTd3Digits(read.lines());
      case TD1 -> assertTd1Digits(read.lines());
      case LEGACY_FRENCH_ID -> {
        // its own digits, over both lines: SpecimenVectorsTest and IdentityDocumentCheckTest
      }
    }
  }

  private static Holder holder(FuzzInput input) {
    String surname = input.text();
    List<String> givenNames =
        Arrays.stream(input.text().split(",")).filter(name -> !name.isBlank()).toList();
    LocalDate birth = input.date(LocalDate.of(1900, 1, 1), LocalDate.of(2100, 12, 31));
    return new Holder(
        surname,
        givenNames.isEmpty() ? List.of("Anna") : givenNames,
        birth,
        "Paris",
        "anna@example.fr",
        "+33 1 00 00 00 00");
  }

  private static void assertTd3Digits(List<String> lines) {
    String l2 = lines.get(1);
    assertDigit(l2.substring(0, 9), l2.charAt(9));
    assertDigit(l2.substring(13, 19), l2.charAt(19));
    assertDigit(l2.substring(21, 27), l2.charAt(27));
    assertDigit(l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 43), l2.charAt(43));
  }

  private static void assertTd1Digits(List<String> lines) {
    String l1 = lines.get(0);
    String l2 = lines.get(1);
    assertDigit(l2.substring(0, 6), l2.charAt(6));
    assertDigit(l2.substring(8, 14), l2.charAt(14));
    assertDigit(
        l1.substring(5) + l2.substring(0, 7) + l2.substring(8, 15) + l2.substring(18, 29),
        l2.charAt(29));
  }

  private static void assertDigit(String field, char digit) {
    int[] weights = {7, 3, 1};
    int sum = 0;
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      int value = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 0;
      sum += value * weights[i % 3];
    }
    assertEquals((char) ('0' + sum % 10), digit, () -> "check digit of " + field);
  }

  static List<byte[]> seeds() {
    LocalDate day = LocalDate.of(2012, 4, 15);
    return List.of(
        FuzzInput.encode(SpecimenVectorsTest.PASSPORT, 0),
        FuzzInput.encode(SpecimenVectorsTest.PASSPORT, day.toEpochDay() - FIRST_DAY.toEpochDay()),
        FuzzInput.encode(SpecimenVectorsTest.CNIE, 40000, "Martin", "Maëlys,Gaëlle,Marie", 32700),
        FuzzInput.encode(SpecimenVectorsTest.LEGACY, 35000, "Berthier", "Corinne", 24000),
        FuzzInput.encode(
            MrzSpecimen.td3("FRA", "DUPONT<<JEAN<PIERRE", "12AB34567", "800101", 'M', "300101"),
            45000,
            "Dupont",
            "Jean-Pierre",
            29000),
        FuzzInput.encode(
            MrzSpecimen.td1("IR", "FRA", "X4RTBPFW4", "840317", 'F', "330101", "LEFEVRE<<ELODIE"),
            45000),
        FuzzInput.encode(" p<utoeriksson\r\n\n\tl898 ", 1));
  }
}
