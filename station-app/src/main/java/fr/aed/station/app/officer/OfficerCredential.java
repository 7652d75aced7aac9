package fr.aed.station.app.officer;

import fr.aed.station.crypto.DeviceKey;
import fr.aed.station.token.Token;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The officer's own signing credential: a key on the officer's token and its certificate chain,
 * used to sign intervention sheets and to seal the journal.
 *
 * @param key the key on the officer's token
 * @param chain the officer's certificate first, then its issuers
 * @param demonstration true for the demonstration credential, which proves nothing
 * @param token the officer's token session, closed with the credential
 */
public record OfficerCredential(
    DeviceKey key, List<X509Certificate> chain, boolean demonstration, Token token)
    implements AutoCloseable {

  public OfficerCredential {
    chain = List.copyOf(chain);
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
