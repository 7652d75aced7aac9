package fr.aed.station.app.export;

/** An intervention cannot be exported; the message says why and what to do, in one line. */
public class ExportException extends Exception {

  /** An export refused or failed for the reason given. */
  public ExportException(String message) {
    super(message);
  }

  /** An export failed for the reason given, because of {@code cause}. */
  public ExportException(String message, Throwable cause) {
    super(message, cause);
  }
}
