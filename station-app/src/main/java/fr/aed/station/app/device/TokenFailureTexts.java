package fr.aed.station.app.device;

import fr.aed.station.app.text.Catalogue;
import fr.aed.station.token.ClassifiedFailure;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.TokenFailures;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of a token failure, for the window, the command line, the batch and the enrollment
 * record alike: the token driver classifies the failure ({@link TokenFailures}), this class words
 * its kind and arguments from the {@code token-failures} bundles, French or English.
 */
public final class TokenFailureTexts {

  private static final String BUNDLE = "fr.aed.station.app.device.token-failures";
  private static final String RECORDED = "fr.aed.station.app.device.token-failures-recorded";
  // Without it a French choice would fall back to the JVM's locale (the _en bundle) before the
  // base bundle, which is the French one.
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private TokenFailureTexts() {}

  /** The failure's kind and its message in both languages. */
  public static TokenFailureMessage describe(Throwable failure) {
    ClassifiedFailure classified = TokenFailures.classify(failure);
    return new TokenFailureMessage(
        classified.kind(), message(classified, Locale.FRENCH), message(classified, Locale.ENGLISH));
  }

  /** The failure's message in the officer's language (French, else English). */
  public static String message(Throwable failure, Locale locale) {
    return message(TokenFailures.classify(failure), locale);
  }

  /**
   * Why {@code failure} happened, for the officer: a token's failure (the exception itself, or the
   * direct cause of the one that reports it, such as an interrupted enrollment) in the station's
   * words; any other failure in its own message.
   */
  public static String reason(Exception failure, Locale locale) {
    Throwable token = failure instanceof TokenException ? failure : failure.getCause();
    return token instanceof TokenException ? message(token, locale) : failure.getMessage();
  }

  /** The message of a classified failure in the officer's language (French, else English). */
  public static String message(ClassifiedFailure failure, Locale locale) {
    String pattern = pattern(bundle(locale), key(failure));
    // A count (the tries left) is a number, for the text's plural choice.
    Object[] arguments =
        failure.arguments().stream()
            .map(a -> a.matches("\\d{1,9}") ? (Object) Integer.valueOf(a) : a)
            .toArray();
    return Catalogue.fill(pattern, locale, arguments);
  }

  /**
   * The failure as the record keeps it, in English with its technical detail (the PC/SC code),
   * worded as the records made before have it: what is recorded stays comparable from one meeting
   * to the next, whatever the window says.
   */
  public static String recorded(Throwable failure) {
    ClassifiedFailure classified = TokenFailures.classify(failure);
    String text =
        pattern(ResourceBundle.getBundle(RECORDED, Locale.ROOT, NO_FALLBACK), key(classified));
    List<String> arguments = classified.arguments();
    for (int i = 0; i < arguments.size(); i++) {
      text = text.replace("{" + i + "}", arguments.get(i));
    }
    return text;
  }

  private static String pattern(ResourceBundle bundle, String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("no text for the token failure " + key, e);
    }
  }

  // The text's key: the kind, with its variant when its arguments call for another form.
  private static String key(ClassifiedFailure failure) {
    List<String> arguments = failure.arguments();
    String kind = failure.kind().name();
    return switch (failure.kind()) {
      case WRONG_PIN -> arguments.isEmpty() ? kind + ".untold" : kind;
      case ALGORITHM_UNSUPPORTED -> {
        if (arguments.size() < 2) {
          yield kind;
        }
        yield arguments.get(1).isEmpty() ? kind + ".none" : kind + ".listed";
      }
      case NO_READER -> arguments.get(1).isEmpty() ? kind + ".none" : kind;
      default -> kind;
    };
  }

  private static ResourceBundle bundle(Locale locale) {
    Locale language =
        Locale.FRENCH.getLanguage().equals(locale.getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
    return ResourceBundle.getBundle(BUNDLE, language, NO_FALLBACK);
  }
}
