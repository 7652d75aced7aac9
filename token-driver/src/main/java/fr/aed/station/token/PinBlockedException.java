package fr.aed.station.token;

/** The PIN is blocked: no try is left; the PUK or the security officer must unblock it. */
public class PinBlockedException extends TokenException {

  public PinBlockedException() {
    super("PIN blocked: no try left, unblock it with the PUK");
  }
}
