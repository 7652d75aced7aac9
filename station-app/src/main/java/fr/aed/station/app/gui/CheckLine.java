package fr.aed.station.app.gui;

/**
 * One check as shown to the officer: OK or refused, with its French reason.
 *
 * @param passed whether the check passed
 * @param reason what was found
 */
public record CheckLine(boolean passed, String reason) {

  /** The line as displayed: "OK" or "Refusé", then the reason. */
  public String text() {
    return (passed ? "OK — " : "Refusé — ") + reason;
  }
}
