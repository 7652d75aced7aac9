package fr.aed.station.crypto.pades;

import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.security.cert.X509Certificate;

/** The EU DSS validator, offline, with the given certificates as its only trust anchors. */
final class OfflineDss {

  private OfflineDss() {}

  static Reports validate(byte[] pdf, X509Certificate... trusted) {
    CommonTrustedCertificateSource anchors = new CommonTrustedCertificateSource();
    for (X509Certificate certificate : trusted) {
      anchors.addCertificate(new CertificateToken(certificate));
    }
    CommonCertificateVerifier verifier = new CommonCertificateVerifier();
    verifier.setTrustedCertSources(anchors);
    // Offline: no AIA, CRL or OCSP fetching.
    verifier.setAIASource(null);
    verifier.setCrlSource(null);
    verifier.setOcspSource(null);
    SignedDocumentValidator validator =
        SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf, "signed.pdf"));
    validator.setCertificateVerifier(verifier);
    return validator.validateDocument();
  }
}
