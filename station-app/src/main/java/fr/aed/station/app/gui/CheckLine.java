package fr.aed.station.app.gui;

/**
 * One check as shown to the officer: OK or refused, with its reason in the window's language.
 *
 * @param passed whether the check passed
 * @param reason what was found
 */
public record CheckLine(boolean passed, String reason) {

  /** The line as displayed: "OK" or "Refusé" (or their translation), then the reason. */
  public String text() {
    return Texts.get(passed ? "check.passed" : "check.refused", reason);
  }
}
