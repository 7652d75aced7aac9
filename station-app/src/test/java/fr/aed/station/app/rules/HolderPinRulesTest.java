package fr.aed.station.app.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.aed.station.app.rules.HolderPinRules.Problem;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HolderPinRulesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "472913, ",
    "20481937, ",
    "0471, LENGTH",
    "123456789, LENGTH",
    "47a913, NOT_DIGITS",
    "４７２９１３, NOT_DIGITS",
    "'472 13', NOT_DIGITS",
    "000000, TRIVIAL",
    "99999999, TRIVIAL",
    "345678, TRIVIAL",
    "987654, TRIVIAL",
    "890123, TRIVIAL",
    "123456, TRIVIAL",
    "12345678, TRIVIAL",
    "135790, ",
    "112233, ",
    "654321, TRIVIAL",
    "555551, "
  })
  void aChosenPinIsCheckedAgainstEveryRule(String chosen, Problem expected) {
    assertEquals(
        Optional.ofNullable(expected),
        HolderPinRules.check(chosen.toCharArray(), "111111".toCharArray()));
  }

  @ParameterizedTest
  @CsvSource({"471298, 471298, SAME_AS_CURRENT", "471298, 471299, "})
  void theCurrentPinIsNotANewOne(String chosen, String current, Problem expected) {
    assertEquals(
        Optional.ofNullable(expected),
        HolderPinRules.check(chosen.toCharArray(), current.toCharArray()));
  }

  @ParameterizedTest
  @CsvSource({
    "472913, 472913, ",
    "472913, 472914, ENTRIES_DIFFER",
    "472913, 4729130, ENTRIES_DIFFER"
  })
  void theTwoEntriesMustMatch(String first, String second, Problem expected) {
    assertEquals(
        Optional.ofNullable(expected),
        HolderPinRules.check(first.toCharArray(), second.toCharArray(), null));
  }
}
