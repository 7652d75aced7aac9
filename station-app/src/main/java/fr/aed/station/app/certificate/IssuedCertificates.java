package fr.aed.station.app.certificate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** The certificate a journal entry keeps in PEM, read back. */
final class IssuedCertificates {

  private IssuedCertificates() {}

  /** The certificate's SHA-256, of its DER encoding. */
  static String sha256(X509Certificate certificate) {
    try {
      return fr.aed.station.crypto.Fingerprints.sha256Hex(certificate.getEncoded());
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException("a parsed certificate encodes again", e);
    }
  }

  /**
   * @throws IllegalStateException if the journal's PEM is not a certificate (a broken journal,
   *     which journal verification names)
   */
  static X509Certificate parse(String pem) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(
                  new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.cert.CertificateException e) {
      throw new IllegalStateException("the journaled certificate cannot be read", e);
    }
  }
}
