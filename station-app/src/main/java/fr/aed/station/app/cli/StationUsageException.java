package fr.aed.station.app.cli;

/**
 * A command was given wrong (an option naming a missing file, an unset variable, a folder that
 * cannot be written): printed as one line, exit code 2, and found before anything is recorded.
 */
final class StationUsageException extends StationCommandException {

  StationUsageException(String message) {
    super(message);
  }

  StationUsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
