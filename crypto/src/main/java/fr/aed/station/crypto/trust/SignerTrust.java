package fr.aed.station.crypto.trust;

import fr.aed.station.crypto.Fingerprints;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * Judges signers' certificates against a {@link TrustList}: PKIX path validation to one of its
 * authorities, a key usage for signing (digitalSignature or nonRepudiation), and the revocation
 * lists given. Each distinct certificate is judged once (cached by its SHA-256), so a journal of a
 * million seals made with one card validates one path.
 *
 * <p>A signer's time (the seal's or the sheet's) is the signer's own claim, not a timestamp: a
 * certificate revoked at any date is refused, since whoever holds a compromised key can claim an
 * earlier time.
 */
public final class SignerTrust {

  private final TrustList list;
  private final Map<String, SignerVerdict> verdicts = new HashMap<>();

  /** Judges with {@code list}; an empty list trusts nothing ({@link #checks()} is false). */
  public SignerTrust(TrustList list) {
    this.list = list;
  }

  /** Whether there is any authority to check against. */
  public boolean checks() {
    return !list.isEmpty();
  }

  /** Whether one of the authorities is a demonstration one. */
  public boolean demonstration() {
    return list.anchors().stream().anyMatch(TrustedAuthority::demonstration);
  }

  /** The verdict on a certificate, DER; judged on first sight, then remembered. */
  public SignerVerdict verdict(byte[] certificate) {
    return verdicts.computeIfAbsent(Fingerprints.sha256Hex(certificate), k -> judge(certificate));
  }

  private SignerVerdict judge(byte[] der) {
    String sha256 = Fingerprints.sha256Hex(der);
    X509Certificate certificate;
    try {
      certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | ClassCastException e) {
      return new SignerVerdict(
          "(unreadable certificate)",
          sha256,
          Instant.MIN,
          Instant.MIN,
          Optional.empty(),
          Optional.of("a certificate that cannot be read"));
    }
    String subject = name(certificate.getSubjectX500Principal());
    Optional<TrustedAuthority> authority = Optional.empty();
    Optional<String> refusal;
    if (selfSigned(certificate)) {
      refusal =
          Optional.of("a certificate no trusted authority issued: " + subject + ", self-signed");
    } else if (!checks()) {
      refusal = Optional.of("a certificate not checked: no trust list was given");
    } else {
      try {
        TrustedAuthority issuer = validate(certificate);
        authority = Optional.of(issuer);
        refusal =
            usageRefusal(certificate, subject).or(() -> revocation(certificate, subject, issuer));
      } catch (CertPathValidatorException e) {
        refusal = Optional.of(notIssued(certificate, subject, e));
      }
    }
    return new SignerVerdict(
        subject,
        sha256,
        certificate.getNotBefore().toInstant(),
        certificate.getNotAfter().toInstant(),
        authority,
        refusal);
  }

  private TrustedAuthority validate(X509Certificate certificate) throws CertPathValidatorException {
    Set<TrustAnchor> anchors = new HashSet<>();
    list.anchors().forEach(a -> anchors.add(new TrustAnchor(a.certificate(), null)));
    try {
      CertPath path =
          CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate));
      PKIXParameters parameters = new PKIXParameters(anchors);
      // Revocation is checked against the lists given (below), not fetched; the time is each
      // signature's, checked against the validity per signature (SignerVerdict.refusalAt).
      parameters.setRevocationEnabled(false);
      parameters.setDate(certificate.getNotBefore());
      PKIXCertPathValidatorResult result =
          (PKIXCertPathValidatorResult)
              CertPathValidator.getInstance("PKIX").validate(path, parameters);
      X509Certificate anchor = result.getTrustAnchor().getTrustedCert();
      return list.anchors().stream()
          .filter(a -> a.certificate().equals(anchor))
          .findFirst()
          .orElseThrow();
    } catch (CertPathValidatorException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new CertPathValidatorException(e.getMessage(), e);
    }
  }

  private static Optional<String> usageRefusal(X509Certificate certificate, String subject) {
    boolean[] usage = certificate.getKeyUsage();
    // KeyUsage bits (RFC 5280, 4.2.1.3): 0 digitalSignature, 1 nonRepudiation.
    if (usage != null && usage.length > 1 && (usage[0] || usage[1])) {
      return Optional.empty();
    }
    return Optional.of(
        "a certificate not meant for signing: "
            + subject
            + " (its key usage has neither digitalSignature nor nonRepudiation)");
  }

  private Optional<String> revocation(
      X509Certificate certificate, String subject, TrustedAuthority authority) {
    for (X509CRL crl : list.revocationsBy(authority)) {
      X509CRLEntry entry = crl.getRevokedCertificate(certificate);
      if (entry != null) {
        return Optional.of(
            "a revoked certificate: "
                + subject
                + ", revoked on "
                + entry.getRevocationDate().toInstant()
                + (entry.getRevocationReason() != null
                    ? " (" + entry.getRevocationReason() + ")"
                    : "")
                + " by "
                + name(crl.getIssuerX500Principal()));
      }
    }
    return Optional.empty();
  }

  private static String notIssued(
      X509Certificate certificate, String subject, CertPathValidatorException e) {
    String issuer = name(certificate.getIssuerX500Principal());
    boolean unknown =
        e.getReason() == PKIXReason.NO_TRUST_ANCHOR
            || e.getReason() == CertPathValidatorException.BasicReason.INVALID_SIGNATURE;
    return "a certificate no trusted authority issued: "
        + subject
        + ", issued by "
        + issuer
        + (unknown ? "" : " (" + e.getMessage() + ")");
  }

  private static boolean selfSigned(X509Certificate certificate) {
    if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
      return false;
    }
    try {
      certificate.verify(certificate.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String name(X500Principal principal) {
    return principal.getName(X500Principal.RFC2253);
  }
}
