package fr.aed.station.crypto.certificate;

import fr.aed.station.crypto.NestingDepth;
import fr.aed.station.crypto.profile.LintFinding;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Checks the certificate the CA sent against what the station recorded, before it is written on the
 * holder's card: the key, the issuer, the dates and the product's validity, the key usage,
 * QcStatements, policies and extended key usage, the subjectAltName, the subject attribute by
 * attribute and its structure, the signature algorithm.
 */
public final class IssuedCertificateCheck {

  private static final long DAY_SECONDS = Duration.ofDays(1).toSeconds();

  private IssuedCertificateCheck() {}

  /**
   * Finds the holder's certificate among what the CA sent (the one whose public key is the recorded
   * key, none when several carry it; else the only end-entity certificate) and checks it at {@code
   * now}. Never throws for a bad certificate: every problem is a finding.
   */
  public static CertificateVerdict check(
      List<X509Certificate> received, CertificateExpectations expected, Instant now) {
    List<LintFinding> findings = new ArrayList<>();
    Optional<X509Certificate> found = holderCertificate(received, expected, findings);
    if (found.isEmpty()) {
      return new CertificateVerdict(Optional.empty(), List.of(), findings, List.of());
    }
    X509Certificate certificate = found.get();
    IssuerChain.Result chain =
        IssuerChain.validate(certificate, received, expected.caCertificates(), now);
    chain.problem().ifPresent(findings::add);
    findings.addAll(dates(certificate, expected.validityYears(), now));
    findings.addAll(meetingDay(certificate, expected.notBeforeEarliest()));
    Optional<X509CertificateHolder> holder = holder(certificate);
    Extensions extensions = holder.map(X509CertificateHolder::getExtensions).orElse(null);
    findings.addAll(IssuedExtensions.check(certificate, extensions, expected.profile()));
    findings.addAll(AltNames.findings(expected.requestedAltNames(), AltNames.of(extensions)));
    X500Name subject = holder.map(X509CertificateHolder::getSubject).orElse(new X500Name(""));
    List<SubjectDifference> differences =
        SubjectComparison.differences(expected.requestedSubject(), subject);
    findings.addAll(SubjectComparison.findings(differences));
    findings.addAll(SubjectComparison.structure(expected.requestedSubject(), subject));
    return new CertificateVerdict(found, chain.chain(), findings, differences);
  }

  private static Optional<X509Certificate> holderCertificate(
      List<X509Certificate> received, CertificateExpectations expected, List<LintFinding> found) {
    byte[] recorded = expected.recordedKey().getEncoded();
    List<X509Certificate> forKey =
        received.stream()
            .filter(c -> Arrays.equals(c.getPublicKey().getEncoded(), recorded))
            .distinct()
            .toList();
    if (forKey.size() > 1) {
      // Which one would be written on the card is then the CA's ordering: none is.
      found.add(
          Findings.error(
              "SEVERAL_CERTIFICATES_FOR_KEY",
              forKey.size() + " of the certificates received carry the key recorded at the meeting",
              forKey.size()));
      return Optional.empty();
    }
    if (forKey.size() == 1) {
      return Optional.of(forKey.get(0));
    }
    List<X509Certificate> endEntities =
        received.stream()
            .filter(c -> c.getBasicConstraints() == -1)
            .filter(c -> !expected.caCertificates().contains(c))
            .toList();
    found.add(
        Findings.error(
            "NO_CERTIFICATE_FOR_KEY",
            "none of the "
                + received.size()
                + " certificates received carries the key recorded at the meeting",
            received.size()));
    // The only end-entity certificate is still checked, so that the officer sees all it differs in.
    return endEntities.size() == 1 ? Optional.of(endEntities.get(0)) : Optional.empty();
  }

  private static List<LintFinding> dates(X509Certificate certificate, int years, Instant now) {
    List<LintFinding> findings = new ArrayList<>();
    Instant notBefore = certificate.getNotBefore().toInstant();
    Instant notAfter = certificate.getNotAfter().toInstant();
    if (now.isBefore(notBefore)) {
      findings.add(
          Findings.error(
              "NOT_YET_VALID", "the certificate is valid only from " + notBefore, notBefore));
    }
    if (now.isAfter(notAfter)) {
      findings.add(Findings.error("EXPIRED", "the certificate expired on " + notAfter, notAfter));
    }
    long seconds = Duration.between(notBefore, notAfter).toSeconds();
    // CAs backdate notBefore a little and round notAfter: two days either way are accepted.
    long shortest = (years * 365L - 2) * DAY_SECONDS;
    long longest = (years * 366L + 2) * DAY_SECONDS;
    if (seconds < shortest || seconds > longest) {
      long days = seconds / DAY_SECONDS;
      findings.add(
          Findings.error(
              "VALIDITY_MISMATCH",
              "the certificate is valid "
                  + days
                  + " days, the product ordered is "
                  + years
                  + " years",
              years,
              days));
    }
    return findings;
  }

  // A certificate dated before the meeting existed before the holder's identity was checked.
  private static List<LintFinding> meetingDay(X509Certificate certificate, Instant earliest) {
    Instant notBefore = certificate.getNotBefore().toInstant();
    if (!notBefore.isBefore(earliest)) {
      return List.of();
    }
    return List.of(
        Findings.error(
            "VALIDITY_BEFORE_MEETING",
            "the certificate is valid from "
                + notBefore
                + ", before the meeting ("
                + earliest
                + ")",
            notBefore,
            earliest));
  }

  private static Optional<X509CertificateHolder> holder(X509Certificate certificate) {
    try {
      byte[] encoded = certificate.getEncoded();
      // A certificate may come by CMP, not through CertificateFiles: its depth is checked here too.
      if (!NestingDepth.acceptable(encoded)) {
        return Optional.empty();
      }
      return Optional.of(new X509CertificateHolder(encoded));
    } catch (CertificateEncodingException | IOException | RuntimeException e) {
      return Optional.empty(); // its subject and extensions are then reported missing
    }
  }
}
