package fr.aed.station.crypto.trust;

import java.time.Instant;
import java.util.Optional;

/**
 * What the trust list says of one signer's certificate, whatever the time it signed.
 *
 * @param subject the certificate's subject, RFC 4514 (or a note when it cannot be read)
 * @param sha256 SHA-256 of the certificate as given, lower-case hex
 * @param notBefore the start of the certificate's validity
 * @param notAfter the end of the certificate's validity
 * @param authority the trusted authority it chains to, when it does
 * @param refusal why it is not trusted, whatever the time, when it is not
 */
public record SignerVerdict(
    String subject,
    String sha256,
    Instant notBefore,
    Instant notAfter,
    Optional<TrustedAuthority> authority,
    Optional<String> refusal) {

  /** Whether the certificate chains to a demonstration authority, which proves nothing. */
  public boolean demonstration() {
    return authority.map(TrustedAuthority::demonstration).orElse(false);
  }

  /**
   * Why a signature made at {@code at} with this certificate is not trusted: the refusal, or the
   * certificate was not valid then.
   *
   * @return empty when the signature is trusted
   */
  public Optional<String> refusalAt(Instant at) {
    if (refusal.isPresent()) {
      return refusal;
    }
    if (at.isBefore(notBefore) || at.isAfter(notAfter)) {
      return Optional.of(
          "a certificate not valid at "
              + at
              + ": "
              + subject
              + ", valid from "
              + notBefore
              + " to "
              + notAfter);
    }
    return Optional.empty();
  }
}
