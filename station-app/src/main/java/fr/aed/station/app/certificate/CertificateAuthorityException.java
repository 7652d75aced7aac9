package fr.aed.station.app.certificate;

/** The certificate authority's configuration is missing, unreadable or wrong: the message says. */
public final class CertificateAuthorityException extends Exception {

  private static final long serialVersionUID = 1L;

  public CertificateAuthorityException(String message) {
    super(message);
  }

  public CertificateAuthorityException(String message, Throwable cause) {
    super(message, cause);
  }
}
