package fr.aed.station.token;

/**
 * The kinds of token failure the station tells apart for the officer. A kind comes with arguments
 * ({@link ClassifiedFailure}); the words the officer reads are the application's, chosen from the
 * kind and filled with the arguments, in the officer's language.
 */
public enum TokenFailure {
  /** The PIN was refused. Argument: the tries left; none when the token does not tell them. */
  WRONG_PIN,
  /** The PIN is blocked: no try left. No argument. */
  PIN_BLOCKED,
  /**
   * The card was taken out of its reader, or the reader lost, during the operation. No argument.
   */
  CARD_REMOVED,
  /** The token has no room left for a key or certificate. No argument. */
  TOKEN_FULL,
  /**
   * The token cannot generate or use this type of key. No argument; or two when the token said what
   * it generates: the type asked, and the types it generates (comma-separated, empty when none).
   */
  ALGORITHM_UNSUPPORTED,
  /** The PKCS#11 module cannot be loaded. Argument: the module's path. */
  MODULE_NOT_FOUND,
  /** The operation needs the PIN, and it was not verified. No argument. */
  LOGIN_REQUIRED,
  /**
   * The card refused to use a key although the PIN had just been presented to it (a key whose PIN
   * policy the station did not follow, for one). No argument.
   */
  KEY_REFUSED_AFTER_PIN,
  /** The card refused the management key given for it. No argument. */
  MANAGEMENT_KEY_REFUSED,
  /**
   * The card's management key is not the factory key, the card keeps none behind the PIN, and none
   * was given for it. No argument.
   */
  MANAGEMENT_KEY_NOT_GIVEN,
  /** The card's attestation names another key than the one it reported. No argument. */
  ATTESTATION_MISMATCH,
  /**
   * No reader's name contains the part given. Arguments: that part, and the readers present
   * (comma-separated, empty when none).
   */
  NO_READER,
  /** No card in the reader. Argument: the reader. */
  NO_CARD,
  /** The PC/SC service (pcscd) does not answer. Argument: how it failed (its PC/SC code). */
  SERVICE_DOWN,
  /**
   * The PC/SC service stopped during an operation on a card. Arguments: the reader, and the PC/SC
   * code that said so.
   */
  SERVICE_LOST,
  /**
   * The card is not the one expected (a resumed meeting recorded another). Arguments: the serial
   * expected, the serial found.
   */
  OTHER_CARD,
  /**
   * A new card was asked for, but the card is the one expected (a resumed meeting recorded it).
   * Argument: its serial.
   */
  RECORDED_CARD,
  /** A failure of no kind above. Argument: the failure's own message. */
  OTHER
}
