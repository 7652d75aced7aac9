package fr.aed.station.app.identity;

import java.util.Arrays;
import java.util.List;

/** Checks shared by the MRZ layouts: check digits, sex, names. */
final class MrzFieldReader {

  private MrzFieldReader() {}

  /**
   * Checks a check digit.
   *
   * @param what the checked field, as completing "Chiffre de contrôle ..." in French
   * @param data the characters the digit covers, all MRZ characters
   * @param digit the character read at the digit's place
   * @param fillerAllowed whether {@code <} stands for 0 (ICAO: unused optional data)
   */
  static DocumentCheck checkDigit(
      DocumentCheckCode code, String what, String data, char digit, boolean fillerAllowed) {
    int expected = CheckDigit.of(data);
    if (digit == '<' && fillerAllowed) {
      return data.chars().allMatch(c -> c == '<')
          ? DocumentCheck.passed(code, "Pas de données facultatives.")
          : DocumentCheck.failed(
              code, "Chiffre de contrôle %s absent : %d attendu, < lu.".formatted(what, expected));
    }
    if (digit < '0' || digit > '9') {
      return DocumentCheck.failed(
          code,
          "Chiffre de contrôle %s illisible : %d attendu, « %c » lu."
              .formatted(what, expected, digit));
    }
    if (digit - '0' != expected) {
      return DocumentCheck.failed(
          code,
          "Chiffre de contrôle %s incorrect : %d attendu, %c lu.".formatted(what, expected, digit));
    }
    return DocumentCheck.passed(code, "Chiffre de contrôle %s correct.".formatted(what));
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
        ? DocumentCheck.failed(
            DocumentCheckCode.SEX, "Sexe illisible : « %c » lu, F ou M attendu.".formatted(read))
        : DocumentCheck.passed(DocumentCheckCode.SEX, "Sexe : " + sex + ".");
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
