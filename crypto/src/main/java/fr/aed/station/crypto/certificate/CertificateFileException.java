package fr.aed.station.crypto.certificate;

import java.util.Objects;

/**
 * A file the certificate authority sent that the station does not read as certificates: its {@link
 * #reason()} says why, for the application to word it; the message says it in English.
 */
public final class CertificateFileException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a file was refused. */
  public enum Reason {
    /** Over {@link CertificateFiles#MAX_BYTES}. */
    TOO_LARGE,
    /** Nothing, or only white space. */
    EMPTY,
    /** Not PEM, DER certificate or DER PKCS#7, or not a regular file. */
    NOT_CERTIFICATES,
    /** A well-formed PKCS#7 or PEM file that holds no certificate. */
    NO_CERTIFICATE,
    /** A PEM block of a private key: the file must not be kept or passed on. */
    PRIVATE_KEY_INSIDE,
    /** A damaged file: truncated, bad Base64, trailing or interleaved garbage. */
    MALFORMED
  }

  private final Reason reason;

  /** A refusal for {@code reason}, said by {@code message}. */
  public CertificateFileException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** A refusal for {@code reason} caused by a parser's failure. */
  public CertificateFileException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the file was refused. */
  public Reason reason() {
    return reason;
  }
}
