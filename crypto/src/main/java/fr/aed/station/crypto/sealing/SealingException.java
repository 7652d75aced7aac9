package fr.aed.station.crypto.sealing;

/**
 * Sealed data could not be sealed or opened: the recipient's key is not RSA, the data is not a
 * sealed record, it was sealed for another key, it was altered, or the device refused.
 */
public class SealingException extends Exception {

  public SealingException(String message) {
    super(message);
  }

  public SealingException(String message, Throwable cause) {
    super(message, cause);
  }
}
