package fr.aed.station.simulator.applet;

import javacard.security.ECPublicKey;
import javacard.security.KeyPair;
import javacard.security.RSAPublicKey;

/**
 * The key pairs of the slots: their public keys as PIV answers them (SP 800-73-4 part 2, table 13)
 * and the repair of freshly generated private keys for jCardSim.
 */
final class KeyMaterial {

  private static final byte TAG_RSA_MODULUS = (byte) 0x81;
  private static final byte TAG_RSA_EXPONENT = (byte) 0x82;
  private static final byte TAG_EC_POINT = (byte) 0x86;

  private KeyMaterial() {}

  /**
   * Writes the public key of {@code pair} at {@code offset}: 81 modulus 82 exponent for RSA, 86
   * uncompressed point for EC, as in GENERATE's 7F49 template; returns the offset after it.
   */
  static short writePublicKey(byte[] buffer, short offset, KeyPair pair, boolean rsa) {
    short off = offset;
    if (rsa) {
      RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
      buffer[off++] = TAG_RSA_MODULUS;
      off = BerLength.write(buffer, off, (short) (publicKey.getSize() / 8));
      off += publicKey.getModulus(buffer, off);
      buffer[off++] = TAG_RSA_EXPONENT;
      short exponentLength = publicKey.getExponent(buffer, (short) (off + 1));
      buffer[off++] = (byte) exponentLength;
      return (short) (off + exponentLength);
    }
    ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
    buffer[off++] = TAG_EC_POINT;
    short pointLength = publicKey.getW(buffer, (short) (off + 1));
    buffer[off++] = (byte) pointLength;
    return (short) (off + pointLength);
  }
}
