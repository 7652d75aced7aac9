package fr.aed.station.crypto.certificate;

import fr.aed.station.crypto.Fingerprints;
import fr.aed.station.crypto.profile.LintFinding;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * What the station found in the certificate the CA sent, before writing it on the card.
 *
 * @param certificate the holder's certificate found among what was received; empty if none
 * @param chain leaf first, up to the trust anchor, as validated; empty if it was not
 * @param findings every problem: an ERROR refuses the certificate, a WARNING is shown
 * @param subjectDifferences each attribute the certificate does not carry as requested
 */
public record CertificateVerdict(
    Optional<X509Certificate> certificate,
    List<X509Certificate> chain,
    List<LintFinding> findings,
    List<SubjectDifference> subjectDifferences) {

  public CertificateVerdict {
    chain = List.copyOf(chain);
    findings = List.copyOf(findings);
    subjectDifferences = List.copyOf(subjectDifferences);
  }

  /** Whether the certificate may be written: one was found and no finding is an ERROR. */
  public boolean accepted() {
    return certificate.isPresent() && findings.stream().noneMatch(LintFinding::isError);
  }

  /** The SHA-256 of the certificate's DER, lower-case hex; "" when none was found. */
  public String sha256() {
    return certificate.map(CertificateVerdict::fingerprint).orElse("");
  }

  private static String fingerprint(X509Certificate certificate) {
    try {
      return Fingerprints.sha256Hex(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a parsed certificate has an encoding", e);
    }
  }
}
