package fr.aed.station.app.identity;

import fr.aed.station.app.text.Message;
import java.util.Arrays;
import java.util.List;

/** Checks shared by the MRZ layouts: check digits, sex, names. */
final class MrzFieldReader {

  private MrzFieldReader() {}

  /**
   * Checks a check digit.
   *
   * @param what the checked field, completing the catalogue's "Chiffre de contrôle ..."
   * @param data the characters the digit covers, all MRZ characters
   * @param digit the character read at the digit's place
   * @param fillerAllowed whether {@code <} stands for 0 (ICAO: unused optional data)
   */
  static DocumentCheck checkDigit(
      DocumentCheckCode code, Message what, String data, char digit, boolean fillerAllowed) {
    int expected = CheckDigit.of(data);
    if (digit == '<' && fillerAllowed) {
      return data.chars().allMatch(c -> c == '<')
          ? DocumentCheck.passed(code, "mrz.digit.no-optional-data")
          : DocumentCheck.failed(code, "mrz.digit.missing", what, expected);
    }
    if (digit < '0' || digit > '9') {
      return DocumentCheck.failed(
          code, "mrz.digit.unreadable", what, expected, String.valueOf(digit));
    }
    if (digit - '0' != expected) {
      return DocumentCheck.failed(code, "mrz.digit.wrong", what, expected, String.valueOf(digit));
    }
    return DocumentCheck.passed(code, "mrz.digit.right", what);
  }

  /** Reads the sex: {@code F}, {@code M}, or {@code <} (unspecified, given as X) if allowed. */
  static String sex(char read, boolean unspecifiedAllowed) {
    if (read == 'F' || read == 'M') {
      return String.valueOf(read);
    }
    return read == '<' && unspecifiedAllowed ? "X" : null;
  }

  /** The check on a sex read by {@link #sex}. */
  static DocumentCheck sexCheck(char read, String sex) {
    return sex == null
        ? DocumentCheck.failed(DocumentCheckCode.SEX, "mrz.sex.unreadable", String.valueOf(read))
        : DocumentCheck.passed(DocumentCheckCode.SEX, "mrz.sex.read", sex);
  }

  /** A name field's words: fillers as separators, empty words dropped. */
  static List<String> words(String field) {
    return Arrays.stream(field.split("<+")).filter(w -> !w.isEmpty()).toList();
  }

  /** Words joined by spaces, as the MRZ spells the name. */
  static String spelled(String field) {
    return String.join(" ", words(field));
  }

  /** The text of a field without its fillers. */
  static String withoutFillers(String field) {
    return spelled(field).replace(' ', '<');
  }
}
