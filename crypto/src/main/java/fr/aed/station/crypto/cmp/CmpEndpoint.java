package fr.aed.station.crypto.cmp;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * Where and how to reach the certificate authority.
 *
 * @param url the authority's CMP address (http or https), to which messages are POSTed
 * @param timeout the longest wait for the connection, and again for each answer
 * @param caCertificates the authority's certificates the station trusts: a signature-protected
 *     answer must be signed by one of them, or by a certificate marked id-kp-cmcRA or id-kp-cmcCA
 *     (RFC 6402) that chains to one of the CA certificates among them (the chain may come in the
 *     answer's extraCerts)
 * @param recipient the authority's name for the header of the station's messages; when empty, the
 *     subject of the first trusted certificate, or the empty name (NULL-DN) when there is none
 */
public record CmpEndpoint(
    URI url, Duration timeout, List<X509Certificate> caCertificates, Optional<X500Name> recipient) {

  /**
   * @throws IllegalArgumentException if the address is not http or https or carries user info
   *     (user:password@), or the timeout is not positive
   */
  public CmpEndpoint {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(timeout, "timeout");
    caCertificates = List.copyOf(caCertificates);
    Objects.requireNonNull(recipient, "recipient");
    if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
      throw new IllegalArgumentException("not an http or https address: " + url);
    }
    if (url.getRawUserInfo() != null) {
      // Said without the address: its user info may be a password.
      throw new IllegalArgumentException(
          "the CMP address of "
              + url.getHost()
              + " carries a user name or password (user@ or user:password@): the station"
              + " authenticates with its shared secret or signature, never in the address");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout must be positive: " + timeout);
    }
  }

  /** The name the station's messages are addressed to. */
  X500Name recipientName() {
    return recipient.orElseGet(
        () ->
            caCertificates.isEmpty()
                ? new X500Name(new RDN[0])
                : X500Name.getInstance(
                    caCertificates.get(0).getSubjectX500Principal().getEncoded()));
  }
}
