package fr.aed.station.app.officer;

import fr.aed.station.app.device.TokenDecryption;
import fr.aed.station.crypto.DeviceKey;
import fr.aed.station.crypto.sealing.DeviceDecryption;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.Token;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Optional;

/**
 * The officer's own signing credential: a key on the officer's token and its certificate chain,
 * used to sign intervention sheets and to seal the journal.
 *
 * @param key the key on the officer's token
 * @param chain the officer's certificate first, then its issuers
 * @param demonstration true for the demonstration credential, which proves nothing
 * @param token the officer's token session, closed with the credential
 * @param keyManagement the certificate of the card's key-management key (PIV 9D, RSA), for which
 *     identity documents are sealed at rest; null when the card has none
 */
public record OfficerCredential(
    DeviceKey key,
    List<X509Certificate> chain,
    boolean demonstration,
    Token token,
    X509Certificate keyManagement)
    implements AutoCloseable {

  public OfficerCredential {
    chain = List.copyOf(chain);
  }

  /** The card's key-management key, which opens what was sealed for {@link #keyManagement}. */
  public Optional<DeviceDecryption> decryption() {
    if (keyManagement == null || !(keyManagement.getPublicKey() instanceof RSAPublicKey rsa)) {
      return Optional.empty();
    }
    return Optional.of(new TokenDecryption(token, KeySlot.KEY_MANAGEMENT, rsa));
  }

  /** The officer's certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** Closes the officer's token session. */
  @Override
  public void close() {
    token.close();
  }
}
