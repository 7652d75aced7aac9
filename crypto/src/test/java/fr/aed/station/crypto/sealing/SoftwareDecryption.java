package fr.aed.station.crypto.sealing;

import fr.aed.station.crypto.SoftwareDeviceKey;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPublicKey;
import javax.crypto.Cipher;

/** A key-management key in memory standing in for the officer's card. */
final class SoftwareDecryption implements DeviceDecryption {

  private final SoftwareDeviceKey key;
  int operations;

  SoftwareDecryption(SoftwareDeviceKey key) {
    this.key = key;
  }

  @Override
  public RSAPublicKey publicKey() {
    return (RSAPublicKey) key.publicKey();
  }

  @Override
  public byte[] rawRsa(byte[] block) throws SealingException {
    operations++;
    try {
      Cipher raw = Cipher.getInstance("RSA/ECB/NoPadding");
      raw.init(Cipher.DECRYPT_MODE, key.privateKeyForTests());
      byte[] out = raw.doFinal(block);
      // a card answers with exactly the modulus length, leading zeros kept
      byte[] padded = new byte[block.length];
      System.arraycopy(out, 0, padded, padded.length - out.length, out.length);
      return padded;
    } catch (GeneralSecurityException e) {
      throw new SealingException("software decryption failed", e);
    }
  }
}
