package fr.aed.station.app.text;

/**
 * Shows every character that would act instead of being seen as a visible escape: {@code \}{@code
 * u} and four upper-case hex digits for each UTF-16 unit, as Java and JSON write them ({@code ESC}
 * is shown {@code \}{@code u001B}, the right-to-left override {@code \}{@code u202E}). A backslash
 * of the text is doubled, so that an escape shown always means the character was there.
 *
 * <p>Escaped: the controls (C0, DEL, C1: Unicode category Cc), the format characters (Cf: the bidi
 * embeddings, overrides and isolates U+202A–202E and U+2066–2069, the marks U+200E, U+200F and
 * U+061C, zero-width joiners and spaces, the soft hyphen, tag characters), the line and paragraph
 * separators (Zl, Zp), unpaired surrogates and unassigned code points.
 */
public final class VisibleText {

  private VisibleText() {}

  /** {@code text} with its invisible characters and backslashes escaped; null stays null. */
  public static String of(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder shown = null;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      int units = Character.charCount(codePoint);
      boolean escaped = codePoint == '\\' || isInvisible(codePoint);
      if (escaped && shown == null) {
        shown = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (shown != null) {
        if (codePoint == '\\') {
          shown.append("\\\\");
        } else if (escaped) {
          appendEscape(shown, text, i, units);
        } else {
          shown.append(text, i, i + units);
        }
      }
      i += units;
    }
    return shown == null ? text : shown.toString();
  }

  /** Whether {@code codePoint} acts on the display instead of being seen. */
  public static boolean isInvisible(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL,
              Character.FORMAT,
              Character.LINE_SEPARATOR,
              Character.PARAGRAPH_SEPARATOR,
              Character.SURROGATE,
              Character.UNASSIGNED ->
          true;
      default -> false;
    };
  }

  /** The escape of one UTF-16 unit: {@code \}{@code u} and four upper-case hex digits. */
  static void appendEscape(StringBuilder to, char unit) {
    to.append("\\u");
    String hex = Integer.toHexString(unit).toUpperCase(java.util.Locale.ROOT);
    to.append("0".repeat(4 - hex.length())).append(hex);
  }

  private static void appendEscape(StringBuilder to, String text, int at, int units) {
    for (int j = at; j < at + units; j++) {
      appendEscape(to, text.charAt(j));
    }
  }
}
