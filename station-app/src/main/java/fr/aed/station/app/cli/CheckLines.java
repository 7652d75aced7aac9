package fr.aed.station.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import fr.aed.station.app.text.Catalogue;
import fr.aed.station.app.text.Message;
import fr.aed.station.app.text.VisibleText;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * How {@code check-id} and {@code check-company} say their checks: the words of the {@code cli}
 * bundles (French by default, English with {@code --lang en}), each check's reason from the
 * catalogue; in JSON, each check's stable code, outcome and reason, in the language chosen.
 */
final class CheckLines {

  private static final String BUNDLE = "fr.aed.station.app.cli.cli";
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  /** One check: its stable code, its outcome, what was found. */
  record Line(String code, boolean passed, Message reason) {}

  private final Locale language;

  /**
   * The lines in the language {@code tag} names.
   *
   * @throws StationUsageException if it names neither French nor English: no language is chosen
   *     silently in the user's place
   */
  CheckLines(String tag) {
    String chosen = tag == null ? "fr" : tag.strip().toLowerCase(Locale.ROOT);
    if (!chosen.equals("fr") && !chosen.equals("en")) {
      throw new StationUsageException("--lang: fr or en, not " + VisibleText.of(chosen));
    }
    this.language = Catalogue.language(Locale.forLanguageTag(chosen));
  }

  /** The words of {@code key} with its arguments filled. */
  String words(String key, Object... arguments) {
    return Catalogue.fill(
        ResourceBundle.getBundle(BUNDLE, language, NO_FALLBACK).getString(key),
        language,
        arguments);
  }

  /** {@code message} in the language chosen. */
  String said(Message message) {
    return message.in(language);
  }

  /** Prints the verdict's line, then one line per check. */
  void print(PrintWriter out, String subject, boolean accepted, List<Line> lines) {
    out.println(words("verdict", words(subject), words(accepted ? "accepted" : "refused")));
    for (Line line : lines) {
      out.println(
          words(
              "check",
              words(line.passed() ? "check.ok" : "check.refused"),
              VisibleText.of(said(line.reason()))));
    }
  }

  /** The checks as JSON: code, passed, reason. */
  ArrayNode json(ObjectMapper mapper, List<Line> lines) {
    ArrayNode checks = mapper.createArrayNode();
    for (Line line : lines) {
      checks
          .addObject()
          .put("code", line.code())
          .put("passed", line.passed())
          .put("reason", said(line.reason()));
    }
    return checks;
  }
}
