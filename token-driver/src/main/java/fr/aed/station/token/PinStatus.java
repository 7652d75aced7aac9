package fr.aed.station.token;

/**
 * The state of the holder's PIN.
 *
 * @param verified whether the PIN is verified in the current session
 * @param triesLeft tries left before the PIN is blocked, or -1 when the token does not tell
 */
public record PinStatus(boolean verified, int triesLeft) {

  public boolean blocked() {
    return triesLeft == 0;
  }
}
