package fr.aed.station.app.rules;

import java.util.Optional;

/**
 * The rules for the PIN the holder chooses at the meeting: what a PIV card takes (6 to 8 digits, SP
 * 800-73-4 part 2, 3.1.1; digits only, so that every card and PIN pad takes it), and nothing anyone
 * could guess: not the factory PIN, not one digit repeated, not a run of consecutive digits, not
 * the card's current PIN.
 */
public final class HolderPinRules {

  /** Why a chosen PIN is refused; the window and the command line say it in their words. */
  public enum Problem {
    /** Not 6 to 8 characters. */
    LENGTH,
    /** A character other than a digit. */
    NOT_DIGITS,
    /** The two entries differ. */
    ENTRIES_DIFFER,
    /** One digit repeated, or consecutive digits up or down (123456, 987654, 000000...). */
    TRIVIAL,
    /** The card's current PIN, or a factory PIN (123456, 12345678). */
    SAME_AS_CURRENT;

    /** The reason in English, for the command line and the record. */
    public String english() {
      return switch (this) {
        case LENGTH -> "the new PIN must have 6 to 8 digits";
        case NOT_DIGITS -> "the new PIN must be made of digits only";
        case ENTRIES_DIFFER -> "the two entries of the new PIN differ";
        case TRIVIAL ->
            "the new PIN is too easy to guess (one digit repeated or consecutive digits)";
        case SAME_AS_CURRENT -> "the new PIN must differ from the card's current and factory PINs";
      };
    }
  }

  private static final int MIN_LENGTH = 6;
  private static final int MAX_LENGTH = 8;
  private static final char[][] FACTORY_PINS = {"123456".toCharArray(), "12345678".toCharArray()};

  private HolderPinRules() {}

  /** The first rule {@code chosen} breaks, if any; {@code current} may be null when unknown. */
  public static Optional<Problem> check(char[] chosen, char[] current) {
    if (chosen.length < MIN_LENGTH || chosen.length > MAX_LENGTH) {
      return Optional.of(Problem.LENGTH);
    }
    for (char c : chosen) {
      if (c < '0' || c > '9') {
        return Optional.of(Problem.NOT_DIGITS);
      }
    }
    if (isTrivial(chosen)) {
      return Optional.of(Problem.TRIVIAL);
    }
    if ((current != null && same(chosen, current)) || isFactory(chosen)) {
      return Optional.of(Problem.SAME_AS_CURRENT);
    }
    return Optional.empty();
  }

  /** As {@link #check(char[], char[])}, the holder having typed the new PIN twice. */
  public static Optional<Problem> check(char[] chosen, char[] confirmed, char[] current) {
    if (!same(chosen, confirmed)) {
      return Optional.of(Problem.ENTRIES_DIFFER);
    }
    return check(chosen, current);
  }

  private static boolean isTrivial(char[] pin) {
    boolean repeated = true;
    boolean up = true;
    boolean down = true;
    for (int i = 1; i < pin.length; i++) {
      int step = pin[i] - pin[i - 1];
      repeated &= step == 0;
      up &= step == 1 || (pin[i - 1] == '9' && pin[i] == '0');
      down &= step == -1 || (pin[i - 1] == '0' && pin[i] == '9');
    }
    return repeated || up || down;
  }

  /** Whether {@code pin} is a factory PIN (PIV test cards and YubiKeys: 123456, 12345678). */
  public static boolean isFactory(char[] pin) {
    for (char[] factory : FACTORY_PINS) {
      if (same(pin, factory)) {
        return true;
      }
    }
    return false;
  }

  // Compares every character whatever the first difference, as secrets are compared.
  private static boolean same(char[] a, char[] b) {
    if (a.length != b.length) {
      return false;
    }
    int difference = 0;
    for (int i = 0; i < a.length; i++) {
      difference |= a[i] ^ b[i];
    }
    return difference == 0;
  }
}
