package fr.aed.station.app.certificate;

/**
 * A step of the certificate's return refused or failed; the message says why in one line, and the
 * meeting's state is unchanged or resumable.
 */
public final class CertificateException extends Exception {

  private static final long serialVersionUID = 1L;

  public CertificateException(String message) {
    super(message);
  }

  public CertificateException(String message, Throwable cause) {
    super(message, cause);
  }
}
