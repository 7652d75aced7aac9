package fr.aed.station.simulator.applet;

import javacard.framework.Util;
import javacard.security.ECPublicKey;
import javacard.security.RSAPublicKey;

/**
 * DER pieces of the X.509 certificates the card makes for key attestation (RFC 5280): the
 * self-signed certificate of the attestation key in slot F9, and a certificate per attested key,
 * issued by it. Everything is written backwards, from the end of a buffer towards its start, so
 * that each length is known before its header is written; every method returns the new start.
 */
final class AttestationCertificates {

  private AttestationCertificates() {}

  static final byte TAG_SEQUENCE = 0x30;
  static final byte TAG_SET = 0x31;
  static final byte TAG_INTEGER = 0x02;
  static final byte TAG_BIT_STRING = 0x03;
  static final byte TAG_UTF8_STRING = 0x0C;

  /** [0] EXPLICIT INTEGER 2: an X.509 version 3 certificate. */
  static final byte[] VERSION_3 = {(byte) 0xA0, 0x03, 0x02, 0x01, 0x02};

  /** AlgorithmIdentifier ecdsa-with-SHA256 (1.2.840.10045.4.3.2), without parameters. */
  static final byte[] ECDSA_WITH_SHA256 = {
    0x30, 0x0A, 0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x04, 0x03, 0x02
  };

  /** From 2024-01-01 to 9999-12-31 23:59:59, RFC 5280's "no well-defined expiration date". */
  static final byte[] VALIDITY = {
    0x30, 0x20, 0x17, 0x0D, '2', '4', '0', '1', '0', '1', '0', '0', '0', '0', '0', '0', 'Z', 0x18,
    0x0F, '9', '9', '9', '9', '1', '2', '3', '1', '2', '3', '5', '9', '5', '9', 'Z'
  };

  /**
   * [3] Extensions: basicConstraints critical, CA true: the attestation key issues certificates.
   */
  static final byte[] CA_EXTENSIONS = {
    (byte) 0xA3,
    0x13,
    0x30,
    0x11,
    0x30,
    0x0F,
    0x06,
    0x03,
    0x55,
    0x1D,
    0x13,
    0x01,
    0x01,
    (byte) 0xFF,
    0x04,
    0x05,
    0x30,
    0x03,
    0x01,
    0x01,
    (byte) 0xFF
  };

  /** The common name of every attestation certificate; the attested slot follows it. */
  static final byte[] COMMON_NAME = {
    'S', 'i', 'm', 'u', 'l', 'a', 't', 'e', 'd', ' ', 'P', 'I', 'V', ' ', 'A', 't', 't', 'e', 's',
    't', 'a', 't', 'i', 'o', 'n'
  };

  private static final byte[] OID_COMMON_NAME = {0x06, 0x03, 0x55, 0x04, 0x03};

  private static final byte[] RSA_ENCRYPTION = {
    0x30,
    0x0D,
    0x06,
    0x09,
    0x2A,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xF7,
    0x0D,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };

  // SubjectPublicKeyInfo up to the point's first byte: id-ecPublicKey, the named curve, BIT STRING.
  private static final byte[] P256_SPKI_PREFIX = {
    0x30,
    0x59,
    0x30,
    0x13,
    0x06,
    0x07,
    0x2A,
    (byte) 0x86,
    0x48,
    (byte) 0xCE,
    0x3D,
    0x02,
    0x01,
    0x06,
    0x08,
    0x2A,
    (byte) 0x86,
    0x48,
    (byte) 0xCE,
    0x3D,
    0x03,
    0x01,
    0x07,
    0x03,
    0x42,
    0x00
  };
  private static final byte[] P384_SPKI_PREFIX = {
    0x30,
    0x76,
    0x30,
    0x10,
    0x06,
    0x07,
    0x2A,
    (byte) 0x86,
    0x48,
    (byte) 0xCE,
    0x3D,
    0x02,
    0x01,
    0x06,
    0x05,
    0x2B,
    (byte) 0x81,
    0x04,
    0x00,
    0x22,
    0x03,
    0x62,
    0x00
  };

  private static final byte[] HEX_DIGITS = {
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'
  };

  /** Copies {@code length} bytes of {@code source} to end just before {@code start}. */
  static short put(byte[] buffer, short start, byte[] source, short offset, short length) {
    start -= length;
    Util.arrayCopyNonAtomic(source, offset, buffer, start, length);
    return start;
  }

  static short put(byte[] buffer, short start, byte[] source) {
    return put(buffer, start, source, (short) 0, (short) source.length);
  }

  /** Writes a tag and the DER length of the {@code length} bytes that follow, before start. */
  static short header(byte[] buffer, short start, byte tag, short length) {
    short size = length < 0x80 ? (short) 1 : length < 0x100 ? (short) 2 : (short) 3;
    start -= (short) (size + 1);
    buffer[start] = tag;
    if (size == 1) {
      buffer[(short) (start + 1)] = (byte) length;
    } else if (size == 2) {
      buffer[(short) (start + 1)] = (byte) 0x81;
      buffer[(short) (start + 2)] = (byte) length;
    } else {
      buffer[(short) (start + 1)] = (byte) 0x82;
      Util.setShort(buffer, (short) (start + 2), length);
    }
    return start;
  }

  /**
   * The name CN=Simulated PIV Attestation, followed by " " and the slot in hex when {@code slot} is
   * not zero.
   */
  static short name(byte[] buffer, short start, byte slot) {
    short end = start;
    if (slot != 0) {
      buffer[--start] = HEX_DIGITS[slot & 0x0F];
      buffer[--start] = HEX_DIGITS[(slot >> 4) & 0x0F];
      buffer[--start] = ' ';
    }
    start = put(buffer, start, COMMON_NAME);
    start = header(buffer, start, TAG_UTF8_STRING, (short) (end - start));
    start = put(buffer, start, OID_COMMON_NAME);
    start = header(buffer, start, TAG_SEQUENCE, (short) (end - start));
    start = header(buffer, start, TAG_SET, (short) (end - start));
    return header(buffer, start, TAG_SEQUENCE, (short) (end - start));
  }

  /** The SubjectPublicKeyInfo of an EC P-256 or P-384 public key. */
  static short ecPublicKey(byte[] buffer, short start, ECPublicKey key) {
    short pointLength = (short) (1 + 2 * ((short) (key.getSize() + 7) / 8));
    start -= pointLength;
    key.getW(buffer, start);
    return put(buffer, start, key.getSize() == 256 ? P256_SPKI_PREFIX : P384_SPKI_PREFIX);
  }

  /** The SubjectPublicKeyInfo of an RSA public key; its exponent is staged in {@code scratch}. */
  static short rsaPublicKey(byte[] buffer, short start, RSAPublicKey key, byte[] scratch) {
    short end = start;
    short exponentLength = key.getExponent(scratch, (short) 0);
    start = put(buffer, start, scratch, (short) 0, exponentLength);
    start = header(buffer, start, TAG_INTEGER, exponentLength);
    short modulusLength = (short) (key.getSize() / 8);
    start -= modulusLength;
    key.getModulus(buffer, start);
    // A modulus has its top bit set: DER needs a zero byte to keep the INTEGER positive.
    buffer[--start] = 0x00;
    start = header(buffer, start, TAG_INTEGER, (short) (modulusLength + 1));
    start = header(buffer, start, TAG_SEQUENCE, (short) (end - start));
    buffer[--start] = 0x00;
    start = header(buffer, start, TAG_BIT_STRING, (short) (end - start));
    start = put(buffer, start, RSA_ENCRYPTION);
    return header(buffer, start, TAG_SEQUENCE, (short) (end - start));
  }
}
