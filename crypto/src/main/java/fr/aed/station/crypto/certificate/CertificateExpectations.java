package fr.aed.station.crypto.certificate;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * What the station expects of the certificate the CA sends for a request it recorded.
 *
 * @param recordedKey the key recorded at the meeting (from the request)
 * @param requestedSubject the request's subject, built from the dossier's verified data
 * @param caCertificates the CA certificates configured at the station: the self-signed CA
 *     certificates are the trust anchors (the CA certificates among them when none is self-signed;
 *     an end-entity certificate never is), the others may be intermediates
 * @param validityYears the product ordered: 1, 2 or 3 years
 * @param profile what the product's certificates carry
 * @param requestedAltNames the request's subjectAltName, as {@link #altNames} reads it; empty when
 *     it has none
 * @param notBeforeEarliest the earliest notBefore accepted: the day before the meeting
 */
public record CertificateExpectations(
    PublicKey recordedKey,
    X500Name requestedSubject,
    List<X509Certificate> caCertificates,
    int validityYears,
    CertificateProfile profile,
    List<String> requestedAltNames,
    Instant notBeforeEarliest) {

  /**
   * Checks that nothing is missing.
   *
   * @throws IllegalArgumentException if no CA certificate is given or the years are not 1 to 3
   */
  public CertificateExpectations {
    Objects.requireNonNull(recordedKey, "recordedKey");
    Objects.requireNonNull(requestedSubject, "requestedSubject");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(notBeforeEarliest, "notBeforeEarliest");
    requestedAltNames = List.copyOf(requestedAltNames);
    caCertificates = List.copyOf(caCertificates);
    if (caCertificates.isEmpty()) {
      throw new IllegalArgumentException("no CA certificate to check the certificate against");
    }
    if (validityYears < 1 || validityYears > 3) {
      throw new IllegalArgumentException("a product of " + validityYears + " years: 1 to 3");
    }
  }

  /**
   * The names of a request's subjectAltName (its extensionRequest attribute), written as openssl
   * does: {@code email:elodie@example.fr}, {@code DNS:...}, {@code URI:...}; empty when it has
   * none.
   */
  public static List<String> altNames(PKCS10CertificationRequest request) {
    return AltNames.ofRequest(request);
  }
}
