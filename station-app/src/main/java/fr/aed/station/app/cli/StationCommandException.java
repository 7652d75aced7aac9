package fr.aed.station.app.cli;

/**
 * A command failed for a reason the user can act on; printed as one line, exit code 1 ({@link
 * StationUsageException}: 2).
 */
class StationCommandException extends RuntimeException {

  StationCommandException(String message, Throwable cause) {
    super(message, cause);
  }

  StationCommandException(String message) {
    super(message);
  }
}
