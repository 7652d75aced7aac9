package fr.aed.station.app.enrollment;

import fr.aed.station.app.pin.PinSource;
import fr.aed.station.app.pin.PinUnavailableException;

/**
 * What the meeting does to the holder's card besides generating the key: the holder replaces the
 * card's PIN with one of their own before the key is made (sole control, EN 319 411-1 6.3.4), and
 * the card's factory management key is replaced by a random one kept behind that PIN.
 *
 * @param newPin asks for the PIN the holder chooses (already typed twice where typed)
 * @param secureManagementKey whether to replace a factory management key; off for a CA that manages
 *     its cards' keys itself
 * @param newCard whether a resumed meeting goes on with another card than the one it recorded, as
 *     the officer chose (the first card lost, broken or kept by the holder): recorded as such
 */
public record CardSetup(PinSource newPin, boolean secureManagementKey, boolean newCard) {

  /** A meeting's card setup on the card it recorded, if any. */
  public CardSetup(PinSource newPin, boolean secureManagementKey) {
    this(newPin, secureManagementKey, false);
  }

  /** The holder chooses {@code newPin}; the factory management key is replaced. */
  public static CardSetup holderChooses(PinSource newPin) {
    return new CardSetup(newPin, true);
  }

  /** The same setup, the officer having chosen a new card in place of the one recorded. */
  public CardSetup onNewCard() {
    return new CardSetup(newPin, secureManagementKey, true);
  }

  /** For steps that never reach the card: asking for a new PIN fails. */
  public static CardSetup none() {
    return new CardSetup(
        () -> {
          throw new PinUnavailableException("the holder's new PIN is not needed here");
        },
        false);
  }
}
