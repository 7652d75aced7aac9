package fr.aed.station.crypto.pades;

/**
 * A PDF could not be signed or its signatures could not be read: the PDF is unreadable, the
 * signature does not fit the space reserved for it, or the CMS structure cannot be built. A refusal
 * of the device itself is a {@link fr.aed.station.crypto.DeviceSigningException} instead.
 */
public class SheetSigningException extends Exception {

  public SheetSigningException(String message, Throwable cause) {
    super(message, cause);
  }
}
