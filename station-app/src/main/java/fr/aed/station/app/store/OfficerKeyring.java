package fr.aed.station.app.store;

import fr.aed.station.crypto.sealing.SealedEnvelope;
import fr.aed.station.crypto.sealing.SealingException;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The officers' key-management certificates the store seals identity documents for: the one
 * registered last seals new meetings; each meeting names the one it was sealed with, so that the
 * right card is asked to open it.
 */
public final class OfficerKeyring {

  static final String NO_OFFICER_KEY =
      "no officer's key-management certificate is registered to seal identity documents for:"
          + " give the officer's card once (--officer, or `station officer register`)";

  private final InterventionStore store;

  public OfficerKeyring(InterventionStore store) {
    this.store = store;
  }

  /**
   * Registers the officer's key-management certificate: the identities of the meetings that begin
   * from now on are sealed for it. Journaled when it is new.
   *
   * @throws StoreException if the database cannot be written
   * @throws IllegalArgumentException if the certificate does not hold an RSA key
   */
  public void register(X509Certificate keyManagement, Instant at) throws StoreException {
    if (!keyManagement.getPublicKey().getAlgorithm().equals("RSA")) {
      throw new IllegalArgumentException(
          "the officer's key-management certificate must hold an RSA key, not "
              + keyManagement.getPublicKey().getAlgorithm());
    }
    if (OfficerKeys.fingerprint(keyManagement).equals(latestFingerprint())) {
      return;
    }
    store.journaled(
        InterventionStore.STATION,
        "OFFICER_KEY_REGISTERED",
        Map.of(
            "subject", keyManagement.getSubjectX500Principal().getName(),
            "sha256", OfficerKeys.fingerprint(keyManagement)),
        at,
        () -> OfficerKeys.register(store.connection(), keyManagement, at));
  }

  /** The registered key-management certificate with this SHA-256 fingerprint. */
  public Optional<X509Certificate> byFingerprint(String fingerprint) throws StoreException {
    return read(() -> OfficerKeys.byFingerprint(store.connection(), fingerprint));
  }

  /** The certificate new meetings are sealed for, if one is registered. */
  public Optional<X509Certificate> current() throws StoreException {
    return read(() -> OfficerKeys.latest(store.connection()));
  }

  /** SHA-256 of the certificate, as meetings name it. */
  public static String fingerprint(X509Certificate certificate) {
    return OfficerKeys.fingerprint(certificate);
  }

  X509Certificate sealingRecipient() throws StoreException {
    return current().orElseThrow(() -> new StoreException(NO_OFFICER_KEY));
  }

  static byte[] seal(byte[] content, X509Certificate recipient) throws StoreException {
    try {
      return SealedEnvelope.seal(content, recipient);
    } catch (SealingException e) {
      throw new StoreException(e.getMessage(), e);
    }
  }

  private String latestFingerprint() throws StoreException {
    return current().map(OfficerKeys::fingerprint).orElse("");
  }

  private <T> T read(SqlRead<T> query) throws StoreException {
    try {
      T found = query.run();
      store.connection().commit();
      return found;
    } catch (SQLException e) {
      throw store.translate(e);
    }
  }

  @FunctionalInterface
  private interface SqlRead<T> {
    T run() throws SQLException;
  }
}
