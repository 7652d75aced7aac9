package fr.aed.station.token.pcsc;

import java.util.Arrays;
import java.util.Locale;

/**
 * A token failure as the officer reads it: its kind and its message in French and in English.
 *
 * @param error the kind of failure
 * @param french the message in French
 * @param english the message in English
 */
public record TokenErrorMessage(TokenError error, String french, String english) {

  /** The message of {@code error} with its arguments filled in, in both languages. */
  public static TokenErrorMessage of(TokenError error, Object... arguments) {
    Object[] args = Arrays.copyOf(arguments, arguments.length);
    return new TokenErrorMessage(
        error,
        String.format(Locale.FRENCH, error.french(), args),
        String.format(Locale.ROOT, error.english(), args));
  }

  /** The message in French for a French locale, in English otherwise. */
  public String in(Locale locale) {
    return Locale.FRENCH.getLanguage().equals(locale.getLanguage()) ? french : english;
  }
}
