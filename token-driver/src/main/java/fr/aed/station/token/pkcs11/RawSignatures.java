package fr.aed.station.token.pkcs11;

import fr.aed.station.token.TokenException;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The encodings around a signature that the module computes raw: the PKCS#1 v1.5 DigestInfo that
 * CKM_RSA_PKCS signs, and the DER form of the {@code r || s} that CKM_ECDSA returns.
 */
final class RawSignatures {

  // DER prefix of a SHA-256 DigestInfo (RFC 8017, 9.2, note 1).
  private static final byte[] SHA256_DIGEST_INFO =
      HexFormat.of().parseHex("3031300d060960864801650304020105000420");

  private static final int TAG_SEQUENCE = 0x30;
  private static final int TAG_INTEGER = 0x02;

  private RawSignatures() {}

  /** The DigestInfo of a SHA-256 hash, which CKM_RSA_PKCS pads and signs. */
  static byte[] sha256DigestInfo(byte[] hash) {
    byte[] info = Arrays.copyOf(SHA256_DIGEST_INFO, SHA256_DIGEST_INFO.length + hash.length);
    System.arraycopy(hash, 0, info, SHA256_DIGEST_INFO.length, hash.length);
    return info;
  }

  /**
   * The DER {@code SEQUENCE { INTEGER r, INTEGER s }} of a PKCS#11 ECDSA signature, {@code r} and
   * {@code s} of equal length (PKCS#11 v2.40 Mechanisms, 2.3.1).
   *
   * @throws IllegalArgumentException if {@code raw} is empty or of odd length
   */
  static byte[] derEcdsa(byte[] raw) {
    if (raw.length == 0 || raw.length % 2 != 0) {
      throw new IllegalArgumentException("an ECDSA signature of " + raw.length + " bytes");
    }
    int half = raw.length / 2;
    byte[] r = integer(Arrays.copyOfRange(raw, 0, half));
    byte[] s = integer(Arrays.copyOfRange(raw, half, raw.length));
    ByteArrayOutputStream der = new ByteArrayOutputStream();
    der.write(TAG_SEQUENCE);
    writeLength(der, r.length + s.length);
    der.writeBytes(r);
    der.writeBytes(s);
    return der.toByteArray();
  }

  private static byte[] integer(byte[] unsigned) {
    byte[] value = new BigInteger(1, unsigned).toByteArray();
    ByteArrayOutputStream der = new ByteArrayOutputStream();
    der.write(TAG_INTEGER);
    writeLength(der, value.length);
    der.writeBytes(value);
    return der.toByteArray();
  }

  private static void writeLength(ByteArrayOutputStream der, int length) {
    if (length >= 0x80) {
      der.write(0x81);
    }
    der.write(length);
  }

  /**
   * A raw RSA result (a signature, a deciphered block) as the octet string of the modulus' length
   * (I2OSP, RFC 8017, 4.1), which a module may have returned without its leading zero bytes.
   *
   * @throws TokenException if the result is longer than the modulus: the module's error
   */
  static byte[] toModulusLength(byte[] result, int modulusBytes) throws TokenException {
    if (result.length > modulusBytes) {
      throw new TokenException(
          "the token answered " + result.length + " bytes for a " + modulusBytes + "-byte modulus");
    }
    byte[] padded = new byte[modulusBytes];
    System.arraycopy(result, 0, padded, modulusBytes - result.length, result.length);
    return padded;
  }
}
