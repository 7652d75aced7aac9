package fr.aed.station.app.text;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Something to tell the officer or the holder, as a code of the {@link Catalogue} and its
 * arguments, not yet in words: the domain returns it, the window and the command line put it in
 * their reader's language.
 *
 * <p>An argument is a text from outside (a name, a number as typed), a number (for plural choices),
 * a date ({@link java.time.LocalDate} or {@link java.time.YearMonth}, written in the language's one
 * format), another message (a fragment in the same language) or a {@link LocalizedText} (a text
 * written in both languages elsewhere, such as the document catalogue's).
 *
 * @param code the key of the text in the catalogue's bundles
 * @param arguments the values that fill its {@code {0}}, {@code {1}}...
 */
public record Message(String code, List<Object> arguments) {

  public Message {
    Objects.requireNonNull(code, "code");
    arguments = List.copyOf(arguments);
  }

  /** The message of {@code code} with its arguments, none of them null. */
  public static Message of(String code, Object... arguments) {
    return new Message(code, List.of(arguments));
  }

  /** The message in the words of {@code language}. */
  public String in(Locale language) {
    return Catalogue.format(this, language);
  }

  /**
   * The message in French, the station's own language: what the record keeps, so that what is
   * recorded does not depend on the language the officer chose for the window.
   */
  public String inFrench() {
    return in(Locale.FRENCH);
  }
}
