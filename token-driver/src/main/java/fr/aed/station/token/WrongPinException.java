package fr.aed.station.token;

/** The PIN was refused; the token tells how many tries are left. */
public class WrongPinException extends TokenException {

  private final int triesLeft;

  public WrongPinException(int triesLeft) {
    super("wrong PIN, " + triesLeft + " tries left");
    this.triesLeft = triesLeft;
  }

  public int triesLeft() {
    return triesLeft;
  }
}
