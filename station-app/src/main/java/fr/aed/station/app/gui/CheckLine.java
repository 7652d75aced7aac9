package fr.aed.station.app.gui;

import java.util.Comparator;
import java.util.List;

/**
 * One check as shown to the officer: OK, refused, or still to confirm, with its reason (in French:
 * the checks give it).
 *
 * @param passed whether the check passed
 * @param reason what was found, or what is to be confirmed
 * @param pending whether nothing is checked yet: neither passed nor refused
 */
public record CheckLine(boolean passed, String reason, boolean pending) {

  /** A check made: passed or refused. */
  public CheckLine(boolean passed, String reason) {
    this(passed, reason, false);
  }

  /** A check not made yet: the officer is still to type, see or tick something. */
  static CheckLine toConfirm(String reason) {
    return new CheckLine(false, reason, true);
  }

  /**
   * The lines with the refused ones first, each group in its order: the failing check is read
   * without scrolling.
   */
  static List<CheckLine> refusedFirst(List<CheckLine> lines) {
    return lines.stream().sorted(Comparator.comparing(line -> !line.refused())).toList();
  }

  /** Whether the check was made and refused. */
  public boolean refused() {
    return !passed && !pending;
  }

  /** The line as displayed: "OK", "Refusé" or "À confirmer" (or their translation), the reason. */
  public String text() {
    return Texts.get(
        pending ? "check.to-confirm" : passed ? "check.passed" : "check.refused", reason);
  }
}
