package fr.aed.station.simulator.applet;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.Util;
import javacard.security.AESKey;
import javacard.security.DESKey;
import javacard.security.KeyBuilder;
import javacard.security.SecretKey;
import javacardx.crypto.Cipher;

/**
 * The card management key (9B, SP 800-73-4 part 2, 3.2.4): its algorithm (3DES or AES-128, -192,
 * -256, Yubico's values), its value and the touch policy Yubico's SET MANAGEMENT KEY may give it.
 * One key object per algorithm, allocated at install.
 */
final class ManagementKey {

  static final byte ALG_3DES = (byte) 0x03;
  static final byte ALG_AES_128 = (byte) 0x08;
  static final byte ALG_AES_192 = (byte) 0x0A;
  static final byte ALG_AES_256 = (byte) 0x0C;

  /** The factory value, the same 24 bytes as 3DES or as AES-192. */
  static final byte[] FACTORY_VALUE = {
    1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8
  };

  private final DESKey des;
  private final AESKey aes128;
  private final AESKey aes192;
  private final AESKey aes256;
  private final Cipher desCipher;
  private final Cipher aesCipher;
  // Package-private for PivCardState.
  byte algorithm;
  byte touchPolicy;

  ManagementKey(byte algorithm) {
    des = (DESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_DES, KeyBuilder.LENGTH_DES3_3KEY, false);
    aes128 = (AESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_AES, KeyBuilder.LENGTH_AES_128, false);
    aes192 = (AESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_AES, KeyBuilder.LENGTH_AES_192, false);
    aes256 = (AESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_AES, KeyBuilder.LENGTH_AES_256, false);
    desCipher = Cipher.getInstance(Cipher.ALG_DES_ECB_NOPAD, false);
    aesCipher = Cipher.getInstance(Cipher.ALG_AES_BLOCK_128_ECB_NOPAD, false);
    set(algorithm, FACTORY_VALUE, (short) 0, KeyPolicy.TOUCH_NEVER);
  }

  /** The key's length for {@code algorithm}; 6A80 for an algorithm that is no management key's. */
  static short length(byte algorithm) {
    switch (algorithm) {
      case ALG_3DES:
        return 24;
      case ALG_AES_128:
        return 16;
      case ALG_AES_192:
        return 24;
      case ALG_AES_256:
        return 32;
      default:
        ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        return 0;
    }
  }

  /** The block length of the key's cipher: the witness and challenge length. */
  short block() {
    return algorithm == ALG_3DES ? (short) 8 : (short) 16;
  }

  /** Replaces the key with the value of {@code algorithm}'s length at {@code offset}. */
  void set(byte newAlgorithm, byte[] value, short offset, byte newTouchPolicy) {
    if (newAlgorithm == ALG_3DES) {
      des.setKey(value, offset);
    } else {
      ((AESKey) key(newAlgorithm)).setKey(value, offset);
    }
    algorithm = newAlgorithm;
    touchPolicy = newTouchPolicy;
  }

  /** Copies the key's value into {@code buffer}; returns its length. */
  short value(byte[] buffer, short offset) {
    if (algorithm == ALG_3DES) {
      return des.getKey(buffer, offset);
    }
    return ((AESKey) key(algorithm)).getKey(buffer, offset);
  }

  /**
   * Whether the key is still the factory's of {@code profile}: its algorithm and value; {@code
   * scratch} (at least 32 bytes) is used and wiped.
   */
  boolean isFactoryKey(byte profile, byte[] scratch) {
    if (algorithm != Profile.defaultManagementAlgorithm(profile)) {
      return false;
    }
    short length = value(scratch, (short) 0);
    boolean factory =
        length == (short) FACTORY_VALUE.length
            && Util.arrayCompare(scratch, (short) 0, FACTORY_VALUE, (short) 0, length) == 0;
    Util.arrayFillNonAtomic(scratch, (short) 0, length, (byte) 0);
    return factory;
  }

  /** The key's cipher, ready to encrypt. */
  Cipher encryption() {
    Cipher cipher = algorithm == ALG_3DES ? desCipher : aesCipher;
    cipher.init(key(algorithm), Cipher.MODE_ENCRYPT);
    return cipher;
  }

  private SecretKey key(byte of) {
    switch (of) {
      case ALG_AES_128:
        return aes128;
      case ALG_AES_192:
        return aes192;
      case ALG_AES_256:
        return aes256;
      default:
        return des;
    }
  }
}
