package fr.aed.station.crypto.trust;

import fr.aed.station.crypto.Fingerprints;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * A certificate the station trusts to issue officers' certificates.
 *
 * @param certificate the authority's certificate
 * @param demonstration whether it is the demonstration authority of a data folder, which proves
 *     nothing: whoever holds the folder holds the card it certified
 */
public record TrustedAuthority(X509Certificate certificate, boolean demonstration) {

  public TrustedAuthority {
    Objects.requireNonNull(certificate, "certificate");
  }

  /** The authority's name, RFC 4514. */
  public String subject() {
    return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
  }

  /** SHA-256 of the authority's certificate, lower-case hex. */
  public String sha256() {
    return sha256(certificate);
  }

  static String sha256(X509Certificate certificate) {
    try {
      return Fingerprints.sha256Hex(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("a parsed certificate re-encodes", e);
    }
  }
}
