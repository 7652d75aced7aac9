package fr.aed.station.app.identity;

/**
 * The ICAO 9303 check digit: characters valued 0-9, A=10..Z=35, {@code <}=0, weighted 7, 3, 1
 * repeating, sum modulo 10. The legacy French ID card uses the same computation.
 */
public final class CheckDigit {

  private static final int[] WEIGHTS = {7, 3, 1};

  private CheckDigit() {}

  /**
   * Computes the check digit of MRZ characters.
   *
   * @throws IllegalArgumentException if a character is not one of {@code 0-9 A-Z <}
   */
  public static int of(CharSequence characters) {
    int sum = 0;
    for (int i = 0; i < characters.length(); i++) {
      sum += valueOf(characters.charAt(i)) * WEIGHTS[i % 3];
    }
    return sum % 10;
  }

  /**
   * The value of one MRZ character.
   *
   * @throws IllegalArgumentException if the character is not one of {@code 0-9 A-Z <}
   */
  public static int valueOf(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 10;
    }
    if (c == '<') {
      return 0;
    }
    throw new IllegalArgumentException("not an MRZ character: " + c);
  }
}
