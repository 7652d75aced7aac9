package fr.aed.station.crypto.trust;

/** A trust list or a revocation list that cannot be read or does not fit the trust list. */
public final class TrustListException extends Exception {

  public TrustListException(String message) {
    super(message);
  }

  public TrustListException(String message, Throwable cause) {
    super(message, cause);
  }
}
