package fr.aed.station.token;

/**
 * The card's management key (which allows generating keys and writing objects) is not the one the
 * station has: the card refused it, or it is not the factory key and none was given.
 */
public class ManagementKeyRefusedException extends TokenException {

  private final boolean supplied;

  /** The card refused the key the station tried. */
  public ManagementKeyRefusedException(String message) {
    this(message, true);
  }

  /**
   * @param supplied whether a key was given for this card (else the station had only the factory
   *     key, and the card's is another)
   */
  public ManagementKeyRefusedException(String message, boolean supplied) {
    super(message);
    this.supplied = supplied;
  }

  /** Whether a key was given for this card (false: give it, as the PIN is given). */
  public boolean supplied() {
    return supplied;
  }
}
