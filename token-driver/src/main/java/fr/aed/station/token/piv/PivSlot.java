package fr.aed.station.token.piv;

import java.util.Arrays;

/** The PIV key slots the station uses (SP 800-73-4, part 1, 3.1), with their certificate object. */
public enum PivSlot {
  AUTHENTICATION(0x9A, 0x5FC105),
  SIGNATURE(0x9C, 0x5FC10A),
  KEY_MANAGEMENT(0x9D, 0x5FC10B),
  CARD_AUTHENTICATION(0x9E, 0x5FC101);

  private final int value;
  private final int certificateObject;

  PivSlot(int value, int certificateObject) {
    this.value = value;
    this.certificateObject = certificateObject;
  }

  /** The key reference on the wire, such as {@code 0x9A}. */
  public int value() {
    return value;
  }

  /** The tag of the data object holding the slot's certificate, such as {@code 0x5FC105}. */
  public int certificateObject() {
    return certificateObject;
  }

  /**
   * The slot with key reference {@code value}.
   *
   * @throws IllegalArgumentException if no slot has it
   */
  public static PivSlot fromValue(int value) {
    return Arrays.stream(values())
        .filter(s -> s.value == value)
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no PIV slot " + Integer.toHexString(value)));
  }
}
