package fr.aed.station.token.apdu;

/** Status words of ISO 7816-4 and NIST SP 800-73-4 that the station meets, with their meaning. */
public final class StatusWord {

  public static final int SW_OK = 0x9000;
  public static final int SW_BYTES_REMAINING = 0x6100;
  public static final int SW_VERIFY_FAILED = 0x63C0;
  public static final int SW_WRONG_LENGTH = 0x6700;
  public static final int SW_SECURITY_STATUS_NOT_SATISFIED = 0x6982;
  public static final int SW_AUTHENTICATION_BLOCKED = 0x6983;
  public static final int SW_CONDITIONS_NOT_SATISFIED = 0x6985;
  public static final int SW_WRONG_DATA = 0x6A80;
  public static final int SW_FUNCTION_NOT_SUPPORTED = 0x6A81;
  public static final int SW_FILE_NOT_FOUND = 0x6A82;
  public static final int SW_FILE_FULL = 0x6A84;
  public static final int SW_INCORRECT_P1P2 = 0x6A86;
  public static final int SW_REFERENCED_DATA_NOT_FOUND = 0x6A88;
  public static final int SW_INS_NOT_SUPPORTED = 0x6D00;
  public static final int SW_CLA_NOT_SUPPORTED = 0x6E00;
  public static final int SW_UNKNOWN = 0x6F00;

  private StatusWord() {}

  /** Whether {@code sw} is {@code 61xx}: more response bytes wait for GET RESPONSE. */
  public static boolean isBytesRemaining(int sw) {
    return (sw & 0xFF00) == SW_BYTES_REMAINING;
  }

  /** Whether {@code sw} is {@code 63Cx}: verification failed, x tries left. */
  public static boolean isVerifyFailed(int sw) {
    return (sw & 0xFFF0) == SW_VERIFY_FAILED;
  }

  /** A readable description of {@code sw}, for messages and logs. */
  public static String describe(int sw) {
    if (isBytesRemaining(sw)) {
      return "more response bytes available";
    }
    if (isVerifyFailed(sw)) {
      return "verification failed, " + (sw & 0x0F) + " tries left";
    }
    return switch (sw) {
      case SW_OK -> "success";
      case SW_WRONG_LENGTH -> "wrong length";
      case SW_SECURITY_STATUS_NOT_SATISFIED -> "security status not satisfied";
      case SW_AUTHENTICATION_BLOCKED -> "authentication method blocked";
      case SW_CONDITIONS_NOT_SATISFIED -> "conditions of use not satisfied";
      case SW_WRONG_DATA -> "incorrect data";
      case SW_FUNCTION_NOT_SUPPORTED -> "function not supported";
      case SW_FILE_NOT_FOUND -> "file or application not found";
      case SW_FILE_FULL -> "not enough memory";
      case SW_INCORRECT_P1P2 -> "incorrect parameters P1-P2";
      case SW_REFERENCED_DATA_NOT_FOUND -> "referenced data not found";
      case SW_INS_NOT_SUPPORTED -> "instruction not supported";
      case SW_CLA_NOT_SUPPORTED -> "class not supported";
      case SW_UNKNOWN -> "no precise diagnosis";
      default -> "unknown status";
    };
  }
}
