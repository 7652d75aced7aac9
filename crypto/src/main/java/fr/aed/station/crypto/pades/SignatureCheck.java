package fr.aed.station.crypto.pades;

import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What was found about one signature of a PDF.
 *
 * @param signerSubject the subject of the certificate the CMS names as signer, as an RFC 4514
 *     string; empty when the CMS does not include it or cannot be parsed
 * @param signingTime the signature dictionary's /M, or null when absent
 * @param subFilter the signature dictionary's /SubFilter, e.g. ETSI.CAdES.detached
 * @param signatureVerifies whether the CMS signature and its message digest verify over the bytes
 *     the ByteRange covers, with the included signer certificate
 * @param coversWholeFile whether the ByteRange covers the whole file except the /Contents hex
 *     string: true for the last signature of an unchanged file, false for an earlier signature
 *     followed by a later revision
 * @param signingCertificateMatches whether the signed signing-certificate-v2 attribute names the
 *     included signer certificate (SHA-256 and, if present, issuer and serial)
 * @param timestamp the check of the signature timestamp (PAdES baseline B-T), empty when the
 *     signature has none (baseline B-B)
 * @param signerCertificate the certificate the CMS names as signer, DER; empty when the CMS does
 *     not include it or cannot be parsed
 */
public record SignatureCheck(
    String signerSubject,
    ZonedDateTime signingTime,
    String subFilter,
    boolean signatureVerifies,
    boolean coversWholeFile,
    boolean signingCertificateMatches,
    Optional<TimestampCheck> timestamp,
    byte[] signerCertificate) {

  /**
   * @throws NullPointerException if the timestamp is null rather than empty
   */
  public SignatureCheck {
    Objects.requireNonNull(timestamp, "timestamp");
    signerCertificate = signerCertificate == null ? new byte[0] : signerCertificate.clone();
  }

  /** A signature whose signer certificate is not kept. */
  public SignatureCheck(
      String signerSubject,
      ZonedDateTime signingTime,
      String subFilter,
      boolean signatureVerifies,
      boolean coversWholeFile,
      boolean signingCertificateMatches,
      Optional<TimestampCheck> timestamp) {
    this(
        signerSubject,
        signingTime,
        subFilter,
        signatureVerifies,
        coversWholeFile,
        signingCertificateMatches,
        timestamp,
        new byte[0]);
  }

  @Override
  public byte[] signerCertificate() {
    return signerCertificate.clone();
  }

  /** A signature without timestamp. */
  public SignatureCheck(
      String signerSubject,
      ZonedDateTime signingTime,
      String subFilter,
      boolean signatureVerifies,
      boolean coversWholeFile,
      boolean signingCertificateMatches) {
    this(
        signerSubject,
        signingTime,
        subFilter,
        signatureVerifies,
        coversWholeFile,
        signingCertificateMatches,
        Optional.empty());
  }

  /**
   * Whether the signature verifies, names its certificate and covers the whole file, and its
   * timestamp, if it has one, is valid: a broken timestamp is a sign that the CMS was tampered
   * with.
   */
  public boolean valid() {
    return signatureVerifies
        && coversWholeFile
        && signingCertificateMatches
        && timestamp.map(TimestampCheck::valid).orElse(true);
  }

  /** Whether the signature carries a valid signature timestamp: baseline B-T rather than B-B. */
  public boolean timestamped() {
    return timestamp.map(TimestampCheck::valid).orElse(false);
  }
}
