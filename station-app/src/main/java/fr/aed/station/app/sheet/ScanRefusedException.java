package fr.aed.station.app.sheet;

/**
 * A file given as the holder's scanned, hand-signed sheet is not attached: it is not a regular file
 * within the size limit, not a PDF, PNG, JPEG or TIFF scan that its name says it is, or not one
 * that can be read safely. The message, one line, says which and what to do.
 */
public final class ScanRefusedException extends Exception {

  public ScanRefusedException(String message) {
    super(message);
  }

  public ScanRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
