package fr.aed.station.token;

/**
 * The role of a key on the token. Each backend maps a role to its own place: a PIV slot, a PKCS#11
 * object identifier.
 */
public enum KeySlot {
  /** Authentication of the holder (PIV slot 9A). */
  AUTHENTICATION,
  /** Digital signature, the qualified certificate's key (PIV slot 9C). */
  SIGNATURE,
  /** Key management, encryption (PIV slot 9D). */
  KEY_MANAGEMENT,
  /** Card authentication, usable without PIN (PIV slot 9E). */
  CARD_AUTHENTICATION
}
