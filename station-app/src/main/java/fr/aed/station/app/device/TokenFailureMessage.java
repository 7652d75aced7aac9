package fr.aed.station.app.device;

import fr.aed.station.token.TokenFailure;
import java.util.Locale;

/**
 * A token failure as the officer reads it: its kind and its message in French and in English.
 *
 * @param kind the kind of failure
 * @param french the message in French
 * @param english the message in English
 */
public record TokenFailureMessage(TokenFailure kind, String french, String english) {

  /** The message in French for a French locale, in English otherwise. */
  public String in(Locale locale) {
    return Locale.FRENCH.getLanguage().equals(locale.getLanguage()) ? french : english;
  }
}
