package fr.aed.station.app.gui;

import fr.aed.station.app.text.Catalogue;
import fr.aed.station.app.text.Message;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The window's texts, from the {@code texts} resource bundles: French by default, English by
 * choice. The language is chosen before the window's content is built (command line or the home
 * screen's choice, which rebuilds the content).
 */
public final class Texts {

  /** The languages the window speaks, French first. */
  public static final List<Locale> LANGUAGES = List.of(Locale.FRENCH, Locale.ENGLISH);

  private static final String BUNDLE = "fr.aed.station.app.gui.texts";
  // Without this control a French choice would fall back to the JVM's locale (texts_en) before
  // the base bundle, which is the French one.
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private static volatile Locale locale = Locale.FRENCH;
  private static volatile ResourceBundle bundle = load(Locale.FRENCH);

  private Texts() {}

  /** The language in use. */
  public static Locale locale() {
    return locale;
  }

  /**
   * Chooses the language of the texts given from now on; a language without its own bundle reads
   * French.
   */
  public static void use(Locale chosen) {
    Locale language = Locale.forLanguageTag(chosen.getLanguage());
    bundle = load(language);
    locale = LANGUAGES.contains(language) ? language : Locale.FRENCH;
  }

  /** The language named by a tag such as {@code fr} or {@code en}; French when unknown. */
  public static Locale language(String tag) {
    Locale asked = tag == null ? Locale.FRENCH : Locale.forLanguageTag(tag.strip());
    return LANGUAGES.stream()
        .filter(l -> l.getLanguage().equals(asked.getLanguage()))
        .findFirst()
        .orElse(Locale.FRENCH);
  }

  /**
   * The text of {@code key}, with {@code {0}}, {@code {1}}... replaced by the arguments as the
   * {@link Catalogue} fills them (plural choices, the language's date format).
   */
  static String get(String key, Object... arguments) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return Catalogue.fill(pattern, locale, arguments);
  }

  /** Whether the bundle words {@code key}. */
  static boolean has(String key) {
    return bundle.containsKey(key);
  }

  /** {@code message} of the domain, in the window's language. */
  static String of(Message message) {
    return message.in(locale);
  }

  private static ResourceBundle load(Locale language) {
    return ResourceBundle.getBundle(BUNDLE, language, NO_FALLBACK);
  }
}
