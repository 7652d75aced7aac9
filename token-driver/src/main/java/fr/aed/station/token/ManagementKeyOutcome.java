package fr.aed.station.token;

/** What the card's management key (the key that allows generating keys) is when it leaves. */
public enum ManagementKeyOutcome {
  /** Replaced by a random key that the card gives only after the holder's PIN. */
  REPLACED_PIN_PROTECTED,
  /** Not the factory key already (given by the registration authority, or PIN-protected). */
  ALREADY_PERSONAL,
  /** Left as it was, as the registration authority asked (the CA manages the cards' keys). */
  KEPT_BY_CHOICE,
  /** The card has no command to change it: it leaves with its factory key. */
  NOT_CHANGEABLE,
  /** The token has no management key (a PKCS#11 token: its security officer's PIN instead). */
  NOT_APPLICABLE
}
