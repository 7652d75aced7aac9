package fr.aed.station.app.text;

import java.text.Format;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of the station's messages, from the {@code messages} bundles (French, the default, and
 * English), and the one place where a pattern is filled: {@link MessageFormat}, so that a plural is
 * a {@code {0,choice,1#...|1<...}}, with the language's one date format.
 *
 * <p>An argument may be a list: its items are written one after the other, separated as the
 * bundle's {@code list.separator} says.
 *
 * <p>Apostrophes in the bundles are plain apostrophes (French is full of them): they are never
 * {@link MessageFormat} quotes.
 */
public final class Catalogue {

  /** The languages the station speaks, French first. */
  public static final List<Locale> LANGUAGES = List.of(Locale.FRENCH, Locale.ENGLISH);

  private static final String BUNDLE = "fr.aed.station.app.text.messages";
  // Without this control French would fall back to the JVM's locale before the base bundle.
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
  private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter ENGLISH_DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter FRENCH_MONTH = DateTimeFormatter.ofPattern("MM/yyyy");
  private static final DateTimeFormatter ENGLISH_MONTH =
      DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

  private Catalogue() {}

  /** The language of {@code asked} the station speaks: French or English, French when unknown. */
  public static Locale language(Locale asked) {
    return LANGUAGES.stream()
        .filter(l -> l.getLanguage().equals(asked.getLanguage()))
        .findFirst()
        .orElse(Locale.FRENCH);
  }

  /** Whether the catalogue has words for {@code code} (both languages have the same codes). */
  public static boolean knows(String code) {
    return ResourceBundle.getBundle(BUNDLE, Locale.FRENCH, NO_FALLBACK).containsKey(code);
  }

  /** {@code message} in the words of {@code language}; its code when the bundle lacks it. */
  public static String format(Message message, Locale language) {
    Locale spoken = language(language);
    String pattern;
    try {
      pattern = ResourceBundle.getBundle(BUNDLE, spoken, NO_FALLBACK).getString(message.code());
    } catch (MissingResourceException e) {
      return message.code();
    }
    return fill(pattern, spoken, message.arguments().toArray());
  }

  /**
   * {@code pattern} with its {@code {0}}, {@code {1}}... filled in {@code language}: dates in its
   * format, messages in its words, numbers chosen among plural forms where the pattern says {@code
   * choice}.
   */
  public static String fill(String pattern, Locale language, Object... arguments) {
    Locale spoken = language(language);
    MessageFormat format = new MessageFormat(pattern.replace("'", "''"), spoken);
    Format[] formats = format.getFormatsByArgumentIndex();
    Object[] shown = new Object[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      boolean plain = i >= formats.length || formats[i] == null;
      if (!plain && !(arguments[i] instanceof Number)) {
        // a count that came as words (a card's own answer) is shown as it came
        format.setFormatByArgumentIndex(i, null);
        plain = true;
      }
      shown[i] = plain ? written(arguments[i], spoken) : arguments[i];
    }
    return format.format(shown);
  }

  /** {@code day} in the one format of {@code language}: 05/12/2026, or 5 Dec 2026 in English. */
  public static String day(LocalDate day, Locale language) {
    return (isFrench(language) ? FRENCH_DAY : ENGLISH_DAY).format(day);
  }

  /** {@code month} in the one format of {@code language}: 12/2026, or Dec 2026 in English. */
  public static String month(YearMonth month, Locale language) {
    return (isFrench(language) ? FRENCH_MONTH : ENGLISH_MONTH).format(month);
  }

  // A number shown as such is written without grouping: a year, a port, a count.
  private static String written(Object argument, Locale language) {
    if (argument instanceof Message message) {
      return format(message, language);
    }
    if (argument instanceof LocalizedText text) {
      return text.in(language);
    }
    if (argument instanceof LocalDate date) {
      return day(date, language);
    }
    if (argument instanceof YearMonth month) {
      return month(month, language);
    }
    if (argument instanceof List<?> items) {
      String separator = format(Message.of("list.separator"), language);
      return String.join(separator, items.stream().map(item -> written(item, language)).toList());
    }
    return String.valueOf(argument);
  }

  private static boolean isFrench(Locale language) {
    return language(language).equals(Locale.FRENCH);
  }
}
