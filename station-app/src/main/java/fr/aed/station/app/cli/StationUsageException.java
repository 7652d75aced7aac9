package fr.aed.station.app.cli;

/**
 * An option names something unusable (a file that cannot be read, a demonstration authority that is
 * not there): printed as one line, exit code 2.
 */
final class StationUsageException extends RuntimeException {

  StationUsageException(String message, Throwable cause) {
    super(message, cause);
  }

  StationUsageException(String message) {
    super(message);
  }
}
