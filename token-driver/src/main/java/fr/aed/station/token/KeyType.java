package fr.aed.station.token;

import java.util.Arrays;
import java.util.Locale;

/** The key pair types the station asks a token for (RGS: RSA 2048 at least, EC P-256/P-384). */
public enum KeyType {
  RSA2048("rsa2048", "RSA", 2048),
  RSA3072("rsa3072", "RSA", 3072),
  P256("p256", "EC", 256),
  P384("p384", "EC", 384);

  private final String id;
  private final String family;
  private final int bits;

  KeyType(String id, String family, int bits) {
    this.id = id;
    this.family = family;
    this.bits = bits;
  }

  /** The short name used on the command line and in records, such as {@code rsa2048}. */
  public String id() {
    return id;
  }

  /** {@code RSA} or {@code EC}. */
  public String family() {
    return family;
  }

  /** Modulus size for RSA, curve size for EC. */
  public int bits() {
    return bits;
  }

  public boolean isRsa() {
    return "RSA".equals(family);
  }

  /**
   * Finds a key type by its short name, case-insensitively.
   *
   * @throws IllegalArgumentException naming the accepted values when {@code id} is unknown
   */
  public static KeyType fromId(String id) {
    String wanted = id.toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(t -> t.id.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown algorithm '" + id + "': use rsa2048, rsa3072, p256 or p384"));
  }
}
