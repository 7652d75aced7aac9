package fr.aed.station.app.store;

import fr.aed.station.crypto.SoftwareDeviceKey;
import fr.aed.station.crypto.TestCertificates;
import fr.aed.station.crypto.sealing.DeviceDecryption;
import fr.aed.station.crypto.sealing.SealingException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import javax.crypto.Cipher;

/**
 * An officer's key-management key in memory, for store tests that record meetings without a card:
 * one key for the whole test run, registered in each store that needs it.
 */
public final class TestOfficerKey implements DeviceDecryption {

  private static TestOfficerKey instance;

  private final SoftwareDeviceKey key;
  private final X509Certificate certificate;

  private TestOfficerKey() throws Exception {
    key = SoftwareDeviceKey.rsa(2048);
    certificate = TestCertificates.selfSigned(key, "Officier de test (chiffrement)");
  }

  /** Registers the test officer's key in {@code store} (once; again is a no-op). */
  public static synchronized TestOfficerKey register(InterventionStore store) {
    try {
      if (instance == null) {
        instance = new TestOfficerKey();
      }
      new OfficerKeyring(store)
          .register(instance.certificate, Instant.parse("2026-01-01T00:00:00Z"));
      return instance;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Registers the test officer's key in the database file, for command-line tests. */
  public static TestOfficerKey registerIn(java.nio.file.Path databaseFile) {
    try (InterventionStore store = InterventionStore.open(databaseFile)) {
      return register(store);
    } catch (StoreException e) {
      throw new IllegalStateException(e);
    }
  }

  public X509Certificate certificate() {
    return certificate;
  }

  @Override
  public RSAPublicKey publicKey() {
    return (RSAPublicKey) key.publicKey();
  }

  @Override
  public byte[] rawRsa(byte[] block) throws SealingException {
    try {
      Cipher raw = Cipher.getInstance("RSA/ECB/NoPadding");
      raw.init(Cipher.DECRYPT_MODE, key.privateKeyForTests());
      return raw.doFinal(block);
    } catch (GeneralSecurityException e) {
      throw new SealingException("software decryption failed", e);
    }
  }
}
