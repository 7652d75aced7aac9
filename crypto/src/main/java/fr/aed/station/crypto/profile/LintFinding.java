package fr.aed.station.crypto.profile;

import java.util.Arrays;
import java.util.List;

/**
 * One problem found by the request lint.
 *
 * @param severity ERROR refuses the request; WARNING is shown and recorded
 * @param code a stable code, such as {@code MISSING_ATTRIBUTE}
 * @param message what is wrong, naming the attribute and the value, in English (for logs and the
 *     record)
 * @param arguments the values the message names, in its order, for an application to say the
 *     finding in its own words by its code
 */
public record LintFinding(Severity severity, String code, String message, List<String> arguments) {

  public LintFinding {
    arguments = List.copyOf(arguments);
  }

  /** A finding without arguments. */
  public LintFinding(Severity severity, String code, String message) {
    this(severity, code, message, List.of());
  }

  /** How serious a finding is. */
  public enum Severity {
    ERROR,
    WARNING
  }

  static LintFinding error(String code, String message, Object... arguments) {
    return new LintFinding(Severity.ERROR, code, message, words(arguments));
  }

  static LintFinding warning(String code, String message, Object... arguments) {
    return new LintFinding(Severity.WARNING, code, message, words(arguments));
  }

  private static List<String> words(Object... arguments) {
    return Arrays.stream(arguments).map(String::valueOf).toList();
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
