package fr.aed.station.simulator.applet;

/**
 * The TLVs of Yubico's GET METADATA (INS F7, YubiKey 5.3 and later), as yubikit's {@code
 * PivSession} reads them: 01 algorithm, 02 PIN and touch policy, 03 origin, 04 public key, 05
 * whether the value is still the factory's, 06 retries (total, remaining). The PIN and the PUK
 * answer 01 05 06, the management key 01 02 05, a key slot 01 02 03 04.
 */
final class Metadata {

  static final byte TAG_ALGORITHM = 0x01;
  static final byte TAG_POLICY = 0x02;
  static final byte TAG_ORIGIN = 0x03;
  static final byte TAG_PUBLIC_KEY = 0x04;
  static final byte TAG_IS_DEFAULT = 0x05;
  static final byte TAG_RETRIES = 0x06;

  // The "algorithm" of a PIN or a PUK.
  private static final byte ALGORITHM_PIN = (byte) 0xFF;
  // The management key has no PIN policy: Yubico answers 00 in the policy's first byte.
  private static final byte NO_PIN_POLICY = 0;

  private Metadata() {}

  /** Writes the metadata of a PIN or PUK at {@code offset}; returns the offset after it. */
  static short writePin(
      byte[] buffer, short offset, boolean isDefault, byte totalTries, byte triesLeft) {
    short off = writeByte(buffer, offset, TAG_ALGORITHM, ALGORITHM_PIN);
    off = writeByte(buffer, off, TAG_IS_DEFAULT, isDefault ? (byte) 1 : (byte) 0);
    return writePair(buffer, off, TAG_RETRIES, totalTries, triesLeft);
  }

  /** Writes the metadata of the management key at {@code offset}; returns the offset after it. */
  static short writeManagementKey(
      byte[] buffer, short offset, byte algorithm, byte touchPolicy, boolean isDefault) {
    short off = writeByte(buffer, offset, TAG_ALGORITHM, algorithm);
    off = writePair(buffer, off, TAG_POLICY, NO_PIN_POLICY, touchPolicy);
    return writeByte(buffer, off, TAG_IS_DEFAULT, isDefault ? (byte) 1 : (byte) 0);
  }

  /**
   * Writes the metadata of a key, but its public key, just before {@code start} (where the 04 TLV
   * has been written); returns the new start.
   */
  static short prependKey(
      byte[] buffer, short start, byte algorithm, byte pinPolicy, byte touchPolicy, byte origin) {
    short off = (short) (start - 10);
    off = writeByte(buffer, off, TAG_ALGORITHM, algorithm);
    off = writePair(buffer, off, TAG_POLICY, pinPolicy, touchPolicy);
    writeByte(buffer, off, TAG_ORIGIN, origin);
    return (short) (start - 10);
  }

  private static short writeByte(byte[] buffer, short off, byte tag, byte value) {
    buffer[off++] = tag;
    buffer[off++] = 1;
    buffer[off++] = value;
    return off;
  }

  private static short writePair(byte[] buffer, short off, byte tag, byte first, byte second) {
    buffer[off++] = tag;
    buffer[off++] = 2;
    buffer[off++] = first;
    buffer[off++] = second;
    return off;
  }
}
