package fr.aed.station.app.enrollment;

/**
 * What the meeting does to the holder's card besides generating the key: the holder replaces the
 * card's PIN with one of their own before the key is made (sole control, EN 319 411-1 6.3.4), and
 * the card's factory management key is replaced by a random one kept behind that PIN.
 *
 * @param newPin asks for the PIN the holder chooses (already typed twice where typed)
 * @param secureManagementKey whether to replace a factory management key; off for a CA that manages
 *     its cards' keys itself
 */
public record CardSetup(PinSource newPin, boolean secureManagementKey) {

  /** The holder chooses {@code newPin}; the factory management key is replaced. */
  public static CardSetup holderChooses(PinSource newPin) {
    return new CardSetup(newPin, true);
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
