package fr.aed.station.crypto.profile;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one policy for text that goes into a qualified certificate's names
 * (docs/certificate-names.md): NFC, single inner spaces, no control, invisible or direction
 * characters, no emoji or other symbols, and each attribute within its upper bound. Applied to the
 * dossier's values before the key is generated ({@link RequestLint}) and to the values decoded from
 * the signed request ({@link ProfileConformance}).
 */
public final class CertificateNames {

  /**
   * The upper bounds, in characters: RFC 5280 Appendix A for CN, O, OU and serialNumber; the same
   * 64 for the holder's names and the organizationIdentifier, which this certificate authority's
   * profile bounds like the CN they make up.
   */
  static final Map<String, Integer> UPPER_BOUNDS =
      Map.of(
          "givenName", 64,
          "surname", 64,
          "CN", 64,
          "O", 64,
          "OU", 64,
          "organizationIdentifier", 64,
          "serialNumber", 64);

  /** Over its bound the CN is a warning: kept whole, never cut, the authority decides. */
  static final String WARNED_OVER_BOUND = "CN";

  private CertificateNames() {}

  /** Every problem of one attribute's value, as lint findings; empty when the value is fit. */
  public static List<LintFinding> problems(String attribute, String value) {
    List<LintFinding> findings = new ArrayList<>();
    if (value == null || value.isEmpty()) {
      return findings;
    }
    if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
      findings.add(
          LintFinding.error(
              "NOT_NORMALISED",
              attribute + " '" + value + "' has decomposed accents: normalise it to NFC",
              attribute,
              value));
    }
    if (!value.equals(value.strip()) || value.contains("  ")) {
      findings.add(
          LintFinding.error(
              "SPACES",
              attribute + " '" + value + "' has leading, trailing or double spaces",
              attribute,
              value));
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      findings.add(
          LintFinding.error(
              "CONTROL_CHARACTER", attribute + " contains a control character", attribute));
    }
    value
        .codePoints()
        .filter(CertificateNames::isRefused)
        .findFirst()
        .ifPresent(refused -> findings.add(refusedCharacter(attribute, refused)));
    checkConfusables(attribute, value, findings);
    checkLength(attribute, value, findings);
    return findings;
  }

  /** The first character a certificate name must not carry, if any (the dossier's check). */
  public static java.util.OptionalInt firstRefused(String value) {
    return value.codePoints().filter(CertificateNames::isRefused).findFirst();
  }

  // What reads as another name: compatibility forms (fullwidth letters, ligatures of Unicode's
  // compatibility block, superscripts), a word mixing scripts (a Cyrillic А in "Аtelier"), an
  // accent on nothing (after a space or at the start).
  private static void checkConfusables(String attribute, String value, List<LintFinding> findings) {
    if (firstRefused(value).isPresent()) {
      return; // refused already, for the character itself
    }
    if (!Normalizer.normalize(value, Normalizer.Form.NFKC).equals(value)
        && Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
      findings.add(
          LintFinding.error(
              "COMPATIBILITY_CHARACTER",
              attribute + " '" + value + "' has a compatibility form (fullwidth, superscript...)",
              attribute,
              value));
    }
    for (String word : value.split("[\\s\\-'’.,&()/:+]+")) {
      if (word.codePoints()
              .mapToObj(Character.UnicodeScript::of)
              .filter(
                  script ->
                      script != Character.UnicodeScript.COMMON
                          && script != Character.UnicodeScript.INHERITED)
              .distinct()
              .count()
          > 1) {
        findings.add(
            LintFinding.error(
                "MIXED_SCRIPTS",
                attribute + " mixes scripts in the word '" + word + "'",
                attribute,
                word));
        break;
      }
    }
    int previous = ' ';
    for (int codePoint : value.codePoints().toArray()) {
      if (Character.getType(codePoint) == Character.NON_SPACING_MARK
          && !Character.isLetter(previous)) {
        findings.add(
            LintFinding.error(
                "LONE_MARK",
                attribute + " has an accent on no letter (" + describe(codePoint) + ")",
                attribute,
                describe(codePoint)));
        break;
      }
      previous = codePoint;
    }
  }

  /** The character's name as the findings give it: {@code U+202E (RIGHT-TO-LEFT OVERRIDE)}. */
  public static String describe(int codePoint) {
    String name = Character.getName(codePoint);
    return String.format("U+%04X", codePoint) + " (" + (name != null ? name : "unassigned") + ")";
  }

  // What a reader cannot see or check in a qualified certificate's names: invisible and direction
  // characters (a right-to-left override turns "Atelier \u202Efdp.exe" into "Atelier exe.pdf"),
  // zero-width joiners (a surname matching its MRZ while it differs), unpaired surrogates, private
  // and unassigned code points, emoji and other symbols (the degree sign of "n°" excepted), spaces
  // other than the plain one.
  static boolean isRefused(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.FORMAT,
              Character.SURROGATE,
              Character.PRIVATE_USE,
              Character.UNASSIGNED,
              Character.MODIFIER_SYMBOL ->
          true;
      case Character.OTHER_SYMBOL -> codePoint != '°';
      case Character.MATH_SYMBOL -> codePoint != '+';
      case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
      case Character.SPACE_SEPARATOR -> codePoint != ' ';
      default -> false;
    };
  }

  private static LintFinding refusedCharacter(String attribute, int refused) {
    return LintFinding.error(
        "CHARACTER_NOT_ALLOWED",
        attribute + " contains " + describe(refused) + ", which a certificate name must not carry",
        attribute,
        describe(refused));
  }

  private static void checkLength(String attribute, String value, List<LintFinding> findings) {
    Integer bound = UPPER_BOUNDS.get(attribute);
    int length = value.codePointCount(0, value.length());
    if (bound == null || length <= bound) {
      return;
    }
    if (attribute.equals(WARNED_OVER_BOUND)) {
      findings.add(
          LintFinding.warning(
              "LONG_COMMON_NAME",
              "CN has "
                  + length
                  + " characters, more than the X.520 upper bound of 64: kept whole, not cut",
              length));
    } else {
      findings.add(
          LintFinding.error(
              "TOO_LONG",
              attribute
                  + " has "
                  + length
                  + " characters, more than the "
                  + bound
                  + " the certificate profile allows",
              attribute,
              length,
              bound));
    }
  }
}
