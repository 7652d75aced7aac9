package fr.aed.station.token.piv;

import java.util.Arrays;

/** The PIV asymmetric algorithm identifiers (SP 800-78-4, table 6-2) the station generates. */
public enum PivAlgorithm {
  RSA2048(0x07, "RSA", 2048, null),
  RSA3072(0x05, "RSA", 3072, null),
  ECCP256(0x11, "EC", 256, "secp256r1"),
  ECCP384(0x14, "EC", 384, "secp384r1");

  private final int value;
  private final String family;
  private final int bits;
  private final String curve;

  PivAlgorithm(int value, String family, int bits, String curve) {
    this.value = value;
    this.family = family;
    this.bits = bits;
    this.curve = curve;
  }

  /** The algorithm identifier on the wire, such as {@code 0x11}. */
  public int value() {
    return value;
  }

  /** {@code RSA} or {@code EC}, as JCA names the key family. */
  public String family() {
    return family;
  }

  /** Modulus size for RSA, field size for EC. */
  public int bits() {
    return bits;
  }

  /** The JCA name of the curve, such as {@code secp256r1}; {@code null} for RSA. */
  public String curve() {
    return curve;
  }

  public boolean isRsa() {
    return "RSA".equals(family);
  }

  /**
   * The algorithm with identifier {@code value}.
   *
   * @throws IllegalArgumentException if no algorithm has it
   */
  public static PivAlgorithm fromValue(int value) {
    return Arrays.stream(values())
        .filter(a -> a.value == value)
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no PIV algorithm " + Integer.toHexString(value)));
  }

  /**
   * The algorithm of a family and size, as read from a public key.
   *
   * @throws IllegalArgumentException if PIV has no such algorithm here
   */
  public static PivAlgorithm of(String family, int bits) {
    return Arrays.stream(values())
        .filter(a -> a.family.equals(family) && a.bits == bits)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no PIV algorithm for " + family + bits));
  }
}
