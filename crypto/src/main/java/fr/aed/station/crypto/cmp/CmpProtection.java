package fr.aed.station.crypto.cmp;

import fr.aed.station.crypto.DeviceKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * How the station protects its messages to the certificate authority, and so how the authority's
 * answers must be protected.
 */
public sealed interface CmpProtection permits CmpProtection.SharedSecret, CmpProtection.Signature {

  /**
   * A secret shared with the authority (RFC 4210 5.1.3.1 PasswordBasedMac: SHA-256 one-way
   * function, HMAC-SHA256, a random 16-byte salt, 10000 iterations). Answers must carry a MAC made
   * with the same secret. The caller owns the array and wipes it when the enrollment is over; the
   * client only reads it.
   *
   * @param reference the reference the authority gave with the secret, sent as senderKID
   * @param secret the secret
   */
  record SharedSecret(String reference, char[] secret) implements CmpProtection {

    public SharedSecret {
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(secret, "secret");
    }

    /** Names the reference, never the secret. */
    @Override
    public String toString() {
      return "SharedSecret[reference=" + reference + ", secret=(hidden)]";
    }
  }

  /**
   * The officer's signature, made by their card. The certificate and its chain go in the extraCerts
   * of each message. Answers must be signed by a certificate the endpoint trusts; a MAC-protected
   * answer is refused.
   *
   * @param key the officer's key on their card
   * @param certificate the officer's certificate for that key
   * @param chain the certificates between it and the authority, possibly empty
   */
  record Signature(DeviceKey key, X509Certificate certificate, List<X509Certificate> chain)
      implements CmpProtection {

    public Signature {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(certificate, "certificate");
      chain = List.copyOf(chain);
    }
  }
}
