package fr.aed.station.app.identity;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds names for comparison: upper case, accents dropped, ligatures spelled out, hyphens,
 * apostrophes and any other non-letter as a single space. An MRZ spells {@code Lefèvre-Dubois}
 * {@code LEFEVRE<DUBOIS} and may drop the apostrophe of {@code D'Artagnan}, so comparisons also use
 * the {@linkplain #key letters alone}.
 */
public final class NameFolding {

  private NameFolding() {}

  /** The name in upper-case letters and digits, words separated by one space. */
  public static String folded(String name) {
    String spelled =
        name.replace("æ", "ae")
            .replace("Æ", "AE")
            .replace("œ", "oe")
            .replace("Œ", "OE")
            .replace("ß", "ss");
    return Normalizer.normalize(spelled, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toUpperCase(Locale.ROOT)
        .replaceAll("[^A-Z0-9]+", " ")
        .strip();
  }

  /** The folded name without its spaces: what two spellings of one name have in common. */
  public static String key(String name) {
    return folded(name).replace(" ", "");
  }
}
