package fr.aed.station.token;

/** The PIN was refused; the token tells how many tries are left, or -1 when it does not say. */
public class WrongPinException extends TokenException {

  private final int triesLeft;

  public WrongPinException(int triesLeft) {
    super(triesLeft < 0 ? "wrong PIN" : "wrong PIN, " + triesLeft + " tries left");
    this.triesLeft = triesLeft;
  }

  public int triesLeft() {
    return triesLeft;
  }
}
