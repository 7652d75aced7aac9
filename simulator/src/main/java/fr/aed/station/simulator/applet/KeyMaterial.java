package fr.aed.station.simulator.applet;

import javacard.framework.Util;
import javacard.security.ECPrivateKey;
import javacard.security.ECPublicKey;
import javacard.security.KeyPair;
import javacard.security.RSAPrivateCrtKey;
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

  /**
   * Rewrites the private key just generated into {@code pair} with every component at its full
   * width (leading zero bytes included), through {@code scratch}, which is wiped afterwards.
   *
   * <p>jCardSim 3.0.6.0 keeps a key component in a byte array that it reuses when a shorter value
   * is stored, and computes with the whole array: when a new private value is one byte shorter than
   * the previous one in the same key object (about one generation in 256), the card signs with the
   * new value followed by a stale byte, a key that is not the one it reported. Fresh key objects at
   * each generation would avoid it too, but allocate in process(), which a real card could only
   * undo with object deletion; writing each component at its full width instead overwrites the
   * whole array every time, and means the same number to any Java Card.
   */
  static void normalize(KeyPair pair, boolean rsa, byte[] scratch) {
    if (rsa) {
      RSAPrivateCrtKey key = (RSAPrivateCrtKey) pair.getPrivate();
      // P and Q are half the modulus long; the other CRT components are below one of them.
      short width = (short) (pair.getPublic().getSize() / 16);
      key.setP(scratch, (short) 0, padded(scratch, key.getP(scratch, (short) 0), width));
      key.setQ(scratch, (short) 0, padded(scratch, key.getQ(scratch, (short) 0), width));
      key.setDP1(scratch, (short) 0, padded(scratch, key.getDP1(scratch, (short) 0), width));
      key.setDQ1(scratch, (short) 0, padded(scratch, key.getDQ1(scratch, (short) 0), width));
      key.setPQ(scratch, (short) 0, padded(scratch, key.getPQ(scratch, (short) 0), width));
    } else {
      ECPrivateKey key = (ECPrivateKey) pair.getPrivate();
      short width = (short) ((short) (key.getSize() + 7) / 8);
      key.setS(scratch, (short) 0, padded(scratch, key.getS(scratch, (short) 0), width));
    }
    Util.arrayFillNonAtomic(scratch, (short) 0, (short) scratch.length, (byte) 0);
  }

  // Moves the value of length at the start of buffer to its right, in width bytes.
  private static short padded(byte[] buffer, short length, short width) {
    if (length >= width) {
      return length;
    }
    short shift = (short) (width - length);
    Util.arrayCopyNonAtomic(buffer, (short) 0, buffer, shift, length);
    Util.arrayFillNonAtomic(buffer, (short) 0, shift, (byte) 0);
    return width;
  }
}
