package fr.aed.station.crypto.certificate;

import fr.aed.station.crypto.profile.LintFinding;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;

/**
 * The path from the holder's certificate up to one of the configured CA certificates, through the
 * configured and the received intermediates, validated by PKIX (revocation off). Only CA
 * certificates are anchors, with their own name constraints.
 */
final class IssuerChain {

  /** The validated chain, leaf first and anchor last, or why there is none. */
  record Result(List<X509Certificate> chain, Optional<LintFinding> problem) {}

  private IssuerChain() {}

  static Result validate(
      X509Certificate leaf,
      List<X509Certificate> received,
      List<X509Certificate> caCertificates,
      Instant now) {
    List<X509Certificate> anchors = anchors(caCertificates);
    List<X509Certificate> intermediates = new ArrayList<>();
    for (X509Certificate candidate : concat(caCertificates, received)) {
      if (!anchors.contains(candidate) && !candidate.equals(leaf)) {
        intermediates.add(candidate);
      }
    }
    List<X509Certificate> path = new ArrayList<>(List.of(leaf));
    Optional<X509Certificate> anchor = Optional.empty();
    // Each step adds a certificate not yet in the path, so the loop ends.
    while (anchor.isEmpty()) {
      X509Certificate last = path.get(path.size() - 1);
      anchor = anchors.stream().filter(a -> issued(a, last)).findFirst();
      if (anchor.isEmpty()) {
        Optional<X509Certificate> next =
            intermediates.stream().filter(c -> !path.contains(c) && issued(c, last)).findFirst();
        if (next.isEmpty()) {
          return notIssued(leaf, "no configured CA certificate issued " + subject(last));
        }
        path.add(next.get());
      }
    }
    return pkix(path, anchor.get(), validationDate(leaf, now));
  }

  private static Result pkix(List<X509Certificate> path, X509Certificate anchor, Date at) {
    try {
      CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
      // The root's own name constraints bind what it certifies: PKIX applies those of the anchor
      // only when they are given with it.
      PKIXParameters parameters =
          new PKIXParameters(Set.of(new TrustAnchor(anchor, nameConstraints(anchor))));
      // The station has no network at the meeting: revocation is the CA's business afterwards.
      parameters.setRevocationEnabled(false);
      parameters.setDate(at);
      CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
    } catch (CertPathValidatorException e) {
      return notIssued(path.get(0), reason(e, path));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // IllegalArgumentException: the anchor's name constraints are damaged.
      return notIssued(path.get(0), String.valueOf(e.getMessage()));
    }
    List<X509Certificate> chain = new ArrayList<>(path);
    chain.add(anchor);
    return new Result(chain, Optional.empty());
  }

  private static byte[] nameConstraints(X509Certificate anchor) {
    byte[] extension = anchor.getExtensionValue(Extension.nameConstraints.getId());
    return extension == null ? null : ASN1OctetString.getInstance(extension).getOctets();
  }

  // PKIX's message is often general ("validity check failed"): its cause says which date, its
  // index which certificate.
  private static String reason(CertPathValidatorException e, List<X509Certificate> path) {
    StringBuilder reason = new StringBuilder(String.valueOf(e.getMessage()));
    if (e.getReason() != BasicReason.UNSPECIFIED) {
      reason.append(" (").append(e.getReason()).append(')');
    }
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null && !cause.getMessage().equals(e.getMessage())) {
      reason.append(": ").append(cause.getMessage());
    }
    if (e.getIndex() >= 0 && e.getIndex() < path.size()) {
      reason.append(", at ").append(subject(path.get(e.getIndex())));
    }
    return reason.toString();
  }

  // The holder's certificate's own dates are findings of their own (NOT_YET_VALID, EXPIRED): the
  // path is validated at a time within them, so that a CA's good but expired certificate is not
  // also said to come from elsewhere.
  private static Date validationDate(X509Certificate leaf, Instant now) {
    Instant notBefore = leaf.getNotBefore().toInstant();
    Instant notAfter = leaf.getNotAfter().toInstant();
    Instant at = now.isBefore(notBefore) ? notBefore : now.isAfter(notAfter) ? notAfter : now;
    return Date.from(at);
  }

  private static Result notIssued(X509Certificate leaf, String why) {
    String issuer = leaf.getIssuerX500Principal().getName();
    return new Result(
        List.of(),
        Optional.of(
            Findings.error(
                "NOT_ISSUED_BY_CA",
                "the certificate, issued by "
                    + issuer
                    + ", does not chain to the configured CA certificates: "
                    + why,
                issuer,
                String.valueOf(why))));
  }

  // Only CA certificates anchor a path: the self-signed ones, else all those given. A configured
  // end-entity certificate (such as the CMP server's) never does, or what it signed would pass.
  private static List<X509Certificate> anchors(List<X509Certificate> caCertificates) {
    List<X509Certificate> authorities =
        caCertificates.stream().filter(IssuerChain::isAuthority).toList();
    List<X509Certificate> selfSigned = authorities.stream().filter(c -> issued(c, c)).toList();
    return selfSigned.isEmpty() ? authorities : selfSigned;
  }

  private static boolean isAuthority(X509Certificate certificate) {
    boolean[] usage = certificate.getKeyUsage();
    return certificate.getBasicConstraints() >= 0
        && (usage == null || usage.length > 5 && usage[5]);
  }

  static boolean issued(X509Certificate issuer, X509Certificate certificate) {
    if (!issuer.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
      return false;
    }
    try {
      certificate.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static String subject(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName();
  }

  private static List<X509Certificate> concat(
      List<X509Certificate> first, List<X509Certificate> second) {
    List<X509Certificate> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
