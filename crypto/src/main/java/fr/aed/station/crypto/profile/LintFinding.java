package fr.aed.station.crypto.profile;

/**
 * One problem found by the request lint.
 *
 * @param severity ERROR refuses the request; WARNING is shown and recorded
 * @param code a stable code, such as {@code MISSING_ATTRIBUTE}
 * @param message what is wrong, naming the attribute and the value
 */
public record LintFinding(Severity severity, String code, String message) {

  /** How serious a finding is. */
  public enum Severity {
    ERROR,
    WARNING
  }

  static LintFinding error(String code, String message) {
    return new LintFinding(Severity.ERROR, code, message);
  }

  static LintFinding warning(String code, String message) {
    return new LintFinding(Severity.WARNING, code, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
