package fr.aed.station.token.piv;

import java.util.Arrays;
import java.util.Optional;

/**
 * When a slot's private key needs the PIN (SP 800-73-4 part 1, table 4b access rules; YubiKey PIN
 * policies, set at generation and read with GET METADATA).
 */
public enum PinPolicy {
  /** The slot's default; never reported by a card for a key it holds. */
  DEFAULT(0x00),
  /** No PIN for this key (9E, card authentication). */
  NEVER(0x01),
  /** The PIN once per session (9A, 9D). */
  ONCE(0x02),
  /**
   * VERIFY immediately before each use (9C, digital signature): any command in between voids it.
   */
  ALWAYS(0x03);

  private final int value;

  PinPolicy(int value) {
    this.value = value;
  }

  /** The value on the wire (GENERATE's tag AA, GET METADATA's tag 02). */
  public int value() {
    return value;
  }

  /** Whether a use of the key needs the PIN. */
  public boolean needsPin() {
    return this == ONCE || this == ALWAYS;
  }

  /** The policy with {@code value}, if the station knows it (YubiKeys add biometric ones). */
  public static Optional<PinPolicy> fromValue(int value) {
    return Arrays.stream(values()).filter(p -> p.value == value).findFirst();
  }

  /** The access rule SP 800-73-4 gives {@code slot}, for cards that cannot report it. */
  public static PinPolicy standardFor(PivSlot slot) {
    return switch (slot) {
      case AUTHENTICATION, KEY_MANAGEMENT -> ONCE;
      case SIGNATURE -> ALWAYS;
      case CARD_AUTHENTICATION -> NEVER;
    };
  }
}
