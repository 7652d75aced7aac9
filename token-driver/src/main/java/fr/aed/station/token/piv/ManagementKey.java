package fr.aed.station.token.piv;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A PIV card's management key: its algorithm and its secret bytes. The bytes are copied in and
 * wiped by {@link #wipe()}; they are never printed.
 */
public final class ManagementKey {

  /** The bytes every PIV test card and YubiKey ships with: 0102..08 three times. */
  private static final byte[] FACTORY_BYTES =
      HexFormat.of().parseHex("010203040506070801020304050607080102030405060708");

  private final ManagementKeyAlgorithm algorithm;
  private final byte[] bytes;

  /**
   * A key of {@code algorithm} with {@code bytes} (copied).
   *
   * @throws IllegalArgumentException if the length does not fit the algorithm
   */
  public ManagementKey(ManagementKeyAlgorithm algorithm, byte[] bytes) {
    if (bytes.length != algorithm.keyLength()) {
      throw new IllegalArgumentException(
          "a " + algorithm + " management key has " + algorithm.keyLength() + " bytes");
    }
    this.algorithm = algorithm;
    this.bytes = bytes.clone();
  }

  /** The factory key for a card whose management key is of {@code algorithm}, if it has one. */
  public static ManagementKey factory(ManagementKeyAlgorithm algorithm) {
    return new ManagementKey(algorithm, FACTORY_BYTES);
  }

  /** A fresh random key of {@code algorithm}. */
  public static ManagementKey random(ManagementKeyAlgorithm algorithm, SecureRandom random) {
    byte[] fresh = new byte[algorithm.keyLength()];
    try {
      random.nextBytes(fresh);
      return new ManagementKey(algorithm, fresh);
    } finally {
      Arrays.fill(fresh, (byte) 0);
    }
  }

  /** The key's algorithm. */
  public ManagementKeyAlgorithm algorithm() {
    return algorithm;
  }

  /** A copy of the key's bytes, which the caller wipes. */
  byte[] bytes() {
    return bytes.clone();
  }

  /** Whether this is the factory key (whatever the algorithm). */
  public boolean isFactory() {
    return Arrays.equals(bytes, FACTORY_BYTES);
  }

  /** This key's bytes under another algorithm (a key supplied without the card telling which). */
  ManagementKey as(ManagementKeyAlgorithm other) {
    return other == algorithm ? this : new ManagementKey(other, bytes);
  }

  /** Overwrites the key's bytes. */
  public void wipe() {
    Arrays.fill(bytes, (byte) 0);
  }

  @Override
  public String toString() {
    return algorithm + " management key";
  }
}
