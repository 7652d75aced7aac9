package fr.aed.station.crypto.certificate;

import fr.aed.station.crypto.profile.LintFinding;
import fr.aed.station.crypto.profile.LintFinding.Severity;
import java.util.Arrays;

/** Findings on an issued certificate: a stable code, an English message, its arguments. */
final class Findings {

  private Findings() {}

  static LintFinding error(String code, String message, Object... arguments) {
    return new LintFinding(Severity.ERROR, code, message, words(arguments));
  }

  static LintFinding warning(String code, String message, Object... arguments) {
    return new LintFinding(Severity.WARNING, code, message, words(arguments));
  }

  private static java.util.List<String> words(Object... arguments) {
    return Arrays.stream(arguments).map(String::valueOf).toList();
  }
}
