package fr.aed.station.app.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Random and mutated zones: never an exception, never a refusal without a reason. */
class MrzFuzzProperties {

  private static final LocalDate DAY = LocalDate.of(2025, 6, 1);
  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";

  @Property(tries = 2000)
  void anyTextGivesAVerdictWithReasons(@ForAll String text) {
    assertConsistent(IdentityDocumentCheck.verify(text, DAY));
  }

  @Property(tries = 3000)
  void mrzLikeTextGivesAVerdictWithReasons(@ForAll("mrzLike") String text) {
    assertConsistent(IdentityDocumentCheck.verify(text, DAY));
  }

  @Property(tries = 5000)
  void oneChangedCharacterIsCaughtWhereACheckCoversIt(
      @ForAll("specimens") String mrz,
      @ForAll @IntRange(min = 0, max = 131) int index,
      @ForAll("mrzCharacters") char replacement) {
    String[] lines = mrz.split("\n");
    int line = index % lines.length;
    int column = index / lines.length % lines[line].length();
    char original = lines[line].charAt(column);
    Assume.that(original != replacement);
    String mutated = IdentityDocumentCheckTest.replace(mrz, line + 1, column + 1, replacement);

    DocumentVerdict verdict = IdentityDocumentCheck.verify(mutated, LocalDate.of(2012, 1, 1));

    assertConsistent(verdict);
    boolean sameValue = CheckDigit.valueOf(original) % 10 == CheckDigit.valueOf(replacement) % 10;
    if (verdict.accepted() && !sameValue) {
      assertFalse(covered(lines, line, column), () -> "undetected change: " + mutated);
      assertEquals(verdict, IdentityDocumentCheck.verify(mutated, LocalDate.of(2012, 1, 1)));
    }
  }

  /**
   * Whether a check digit or the layout covers the position. Names, sex, states and fillers outside
   * the digits' reach are not covered in ICAO zones: a change there must still parse.
   */
  private static boolean covered(String[] lines, int line, int column) {
    if (lines.length == 3) {
      // ID and IR differ in the second letter only, and no check digit covers it
      return line == 0 && (column == 0 || column >= 5)
          || line == 1 && column != 7 && (column < 15 || column >= 18);
    }
    if (lines[0].length() == 36) {
      return true;
    }
    return line == 0 && column == 0 || line == 1 && column != 20 && (column < 10 || column >= 13);
  }

  private static void assertConsistent(DocumentVerdict verdict) {
    assertFalse(verdict.checks().isEmpty());
    for (DocumentCheck check : verdict.checks()) {
      assertFalse(check.reason().isBlank(), check::toString);
    }
    if (!verdict.accepted()) {
      assertFalse(verdict.failures().isEmpty());
    } else {
      assertTrue(verdict.document().isPresent());
    }
  }

  @Provide
  Arbitrary<String> specimens() {
    return Arbitraries.of(
        SpecimenVectorsTest.PASSPORT,
        SpecimenVectorsTest.CNIE,
        MrzSpecimen.legacy("BERTHIER", "0409", "CORINNE", "651206", 'F'),
        MrzSpecimen.td3("FRA", "DUPONT<<JEAN<PIERRE", "12AB34567", "800101", 'M', "300101"));
  }

  @Provide
  Arbitrary<Character> mrzCharacters() {
    return Arbitraries.of(ALPHABET.chars().mapToObj(c -> (char) c).toList());
  }

  @Provide
  Arbitrary<String> mrzLike() {
    Arbitrary<String> line =
        Arbitraries.integers()
            .between(0, 3)
            .flatMap(
                head ->
                    Arbitraries.strings()
                        .withChars(ALPHABET + "a ")
                        .ofMinLength(28)
                        .ofMaxLength(46)
                        .map(body -> new String[] {"", "P<", "IDFRA", "IR"}[head] + body));
    return line.list().ofMinSize(1).ofMaxSize(4).map(lines -> String.join("\n", lines));
  }
}
