package fr.aed.station.token.piv;

import java.util.Arrays;
import java.util.Optional;

/**
 * The algorithms of a PIV card's management key (key reference 9B): 3DES (SP 800-78-4) and the AES
 * sizes YubiKeys accept from firmware 5.4, AES-192 being their factory default from 5.7.
 */
public enum ManagementKeyAlgorithm {
  TRIPLE_DES(0x03, 24, 8, "DESede"),
  AES_128(0x08, 16, 16, "AES"),
  AES_192(0x0A, 24, 16, "AES"),
  AES_256(0x0C, 32, 16, "AES");

  private final int value;
  private final int keyLength;
  private final int blockSize;
  private final String cipher;

  ManagementKeyAlgorithm(int value, int keyLength, int blockSize, String cipher) {
    this.value = value;
    this.keyLength = keyLength;
    this.blockSize = blockSize;
    this.cipher = cipher;
  }

  /** The algorithm identifier on the wire (GENERAL AUTHENTICATE's P1, GET METADATA's tag 01). */
  public int value() {
    return value;
  }

  /** The key's length in bytes. */
  public int keyLength() {
    return keyLength;
  }

  /** The cipher's block: the witness and challenge lengths of the mutual authentication. */
  public int blockSize() {
    return blockSize;
  }

  /** The JCA name of the cipher. */
  String cipher() {
    return cipher;
  }

  /** The algorithm with identifier {@code value}, if the station knows it. */
  public static Optional<ManagementKeyAlgorithm> fromValue(int value) {
    return Arrays.stream(values()).filter(a -> a.value == value).findFirst();
  }

  /**
   * The algorithm a key of {@code length} bytes is for, when the card cannot tell: 24 bytes are
   * 3DES (the PIV default), 16 and 32 bytes AES.
   *
   * @throws IllegalArgumentException if no management key has that length
   */
  public static ManagementKeyAlgorithm forLength(int length) {
    return switch (length) {
      case 24 -> TRIPLE_DES;
      case 16 -> AES_128;
      case 32 -> AES_256;
      default ->
          throw new IllegalArgumentException(
              "a management key has 16, 24 or 32 bytes (32, 48 or 64 hex digits), not " + length);
    };
  }
}
