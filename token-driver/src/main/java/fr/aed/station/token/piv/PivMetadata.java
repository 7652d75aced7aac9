package fr.aed.station.token.piv;

import fr.aed.station.token.apdu.Tlv;
import java.util.Optional;

/**
 * The answers to YubiKey's GET METADATA ({@code 00 F7 00 <reference>}, firmware 5.3 and later), a
 * pure codec: tag 01 algorithm, 02 PIN and touch policies, 03 origin, 04 public key, 05 whether the
 * value is the factory one, 06 total and remaining tries.
 */
public final class PivMetadata {

  private static final int TAG_ALGORITHM = 0x01;
  private static final int TAG_POLICY = 0x02;
  private static final int TAG_ORIGIN = 0x03;
  private static final int TAG_PUBLIC_KEY = 0x04;
  private static final int TAG_DEFAULT = 0x05;
  private static final int TAG_RETRIES = 0x06;
  private static final int ORIGIN_GENERATED = 0x01;

  private PivMetadata() {}

  /**
   * What a card says of the key in a slot.
   *
   * @param algorithm the PIV algorithm identifier, such as {@code 0x11}
   * @param pinPolicy when the key needs the PIN
   * @param generatedOnCard whether the card generated the key (else it was imported)
   * @param publicKey the public key's TLVs, as GENERATE answers them inside {@code 7F49}
   */
  public record Slot(
      int algorithm, PinPolicy pinPolicy, boolean generatedOnCard, byte[] publicKey) {
    public Slot {
      publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
      return publicKey.clone();
    }
  }

  /**
   * What a card says of its management key.
   *
   * @param algorithm the key's algorithm, empty when the station does not know it
   * @param factory whether the key is still the factory one
   */
  public record ManagementKeyInfo(Optional<ManagementKeyAlgorithm> algorithm, boolean factory) {}

  /**
   * What a card says of its PIN or PUK.
   *
   * @param factory whether the value is still the factory one
   * @param triesLeft the tries left
   */
  public record Reference(boolean factory, int triesLeft) {}

  /**
   * Decodes a key slot's metadata.
   *
   * @throws IllegalArgumentException if the answer lacks the algorithm or the policies
   */
  public static Slot slot(byte[] answer) {
    byte[] policy = Tlv.valueOf(answer, TAG_POLICY);
    require(policy.length == 2, "the policy has two bytes");
    PinPolicy pinPolicy =
        PinPolicy.fromValue(policy[0] & 0xFF)
            .orElseThrow(() -> new IllegalArgumentException("unknown PIN policy " + policy[0]));
    boolean generated =
        Tlv.find(answer, TAG_ORIGIN)
            .map(t -> t.value().length == 1 && (t.value()[0] & 0xFF) == ORIGIN_GENERATED)
            .orElse(false);
    byte[] publicKey = Tlv.find(answer, TAG_PUBLIC_KEY).map(Tlv::value).orElse(new byte[0]);
    return new Slot(oneByte(answer, TAG_ALGORITHM), pinPolicy, generated, publicKey);
  }

  /**
   * Decodes the management key's metadata.
   *
   * @throws IllegalArgumentException if the answer lacks the algorithm
   */
  public static ManagementKeyInfo managementKey(byte[] answer) {
    return new ManagementKeyInfo(
        ManagementKeyAlgorithm.fromValue(oneByte(answer, TAG_ALGORITHM)), isFactory(answer));
  }

  /**
   * Decodes the PIN's or PUK's metadata.
   *
   * @throws IllegalArgumentException if the answer lacks the tries
   */
  public static Reference reference(byte[] answer) {
    byte[] retries = Tlv.valueOf(answer, TAG_RETRIES);
    require(retries.length == 2, "the tries have two bytes");
    return new Reference(isFactory(answer), retries[1] & 0xFF);
  }

  private static boolean isFactory(byte[] answer) {
    return Tlv.find(answer, TAG_DEFAULT)
        .map(t -> t.value().length == 1 && t.value()[0] != 0)
        .orElse(false);
  }

  private static int oneByte(byte[] answer, int tag) {
    byte[] value = Tlv.valueOf(answer, tag);
    require(value.length == 1, "tag " + tag + " has one byte");
    return value[0] & 0xFF;
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalArgumentException("malformed metadata: " + what);
    }
  }
}
