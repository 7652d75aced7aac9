package fr.aed.station.simulator.applet;

/**
 * The PIN and touch policies a key is kept with, and where it came from, with the values YubiKeys
 * use in GENERATE (tags AA, AB) and GET METADATA (tags 02, 03).
 *
 * <p>The PIN policies are the access rules of SP 800-73-4 part 1, table 4b: PIV Authentication (9A)
 * and Key Management (9D) need the PIN once per selection, Digital Signature (9C) needs it right
 * before every use ("PIN Always"), Card Authentication (9E) never.
 */
final class KeyPolicy {

  /** Given at GENERATE: the slot's own policy. */
  static final byte DEFAULT = 0;

  static final byte PIN_NEVER = 1;
  static final byte PIN_ONCE = 2;
  static final byte PIN_ALWAYS = 3;

  static final byte TOUCH_NEVER = 1;
  static final byte TOUCH_ALWAYS = 2;
  static final byte TOUCH_CACHED = 3;

  static final byte ORIGIN_GENERATED = 1;
  static final byte ORIGIN_IMPORTED = 2;

  private KeyPolicy() {}

  /** The PIN policy of a key in the slot {@code keyReference} when GENERATE names none. */
  static byte defaultPinPolicy(byte keyReference) {
    switch (keyReference) {
      case (byte) 0x9C:
        return PIN_ALWAYS;
      case (byte) 0x9E:
        return PIN_NEVER;
      default:
        return PIN_ONCE;
    }
  }

  /** Whether {@code value} is a policy (PIN or touch) GENERATE accepts, DEFAULT included. */
  static boolean isPolicy(byte value) {
    return value >= DEFAULT && value <= 3;
  }
}
