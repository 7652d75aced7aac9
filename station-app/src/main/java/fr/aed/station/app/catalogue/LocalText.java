package fr.aed.station.app.catalogue;

import fr.aed.station.app.text.LocalizedText;
import java.util.Locale;

/**
 * A text of the catalogue in the station's two languages; the certificate authority writes both.
 *
 * @param fr the French text
 * @param en the English text
 */
public record LocalText(String fr, String en) implements LocalizedText {

  /** The text in {@code locale}'s language: English for English, French otherwise. */
  @Override
  public String in(Locale locale) {
    return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? en : fr;
  }
}
