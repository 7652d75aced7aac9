package fr.aed.station.simulator;

/**
 * The four cases of a command APDU (ISO/IEC 7816-3, 12.1.3), short or extended: a reader hands the
 * card only what fits one of them, and the card answers the rest with 6700 (wrong length).
 */
public final class ApduFormat {

  private ApduFormat() {}

  /** Whether {@code apdu} is a well-formed case 1, 2, 3 or 4 command, short or extended. */
  public static boolean isWellFormed(byte[] apdu) {
    int n = apdu.length;
    if (n < 4) {
      return false;
    }
    if (n == 4 || n == 5) {
      return true;
    }
    int first = apdu[4] & 0xFF;
    if (first != 0) {
      // short case 3 (4 + 1 + Lc) or 4 (4 + 1 + Lc + 1)
      return n == 5 + first || n == 6 + first;
    }
    if (n == 7) {
      return true; // extended case 2: 00 Le1 Le2
    }
    if (n < 7) {
      return false;
    }
    int lc = ((apdu[5] & 0xFF) << 8) | (apdu[6] & 0xFF);
    // extended case 3 (4 + 3 + Lc) or 4 (4 + 3 + Lc + 2)
    return lc != 0 && (n == 7 + lc || n == 9 + lc);
  }
}
