package fr.aed.station.crypto.pades;

import java.time.ZonedDateTime;

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
 */
public record SignatureCheck(
    String signerSubject,
    ZonedDateTime signingTime,
    String subFilter,
    boolean signatureVerifies,
    boolean coversWholeFile,
    boolean signingCertificateMatches) {

  /** Whether the signature verifies, names its certificate and covers the whole file. */
  public boolean valid() {
    return signatureVerifies && coversWholeFile && signingCertificateMatches;
  }
}
