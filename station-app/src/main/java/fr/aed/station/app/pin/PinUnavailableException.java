package fr.aed.station.app.pin;

/** No PIN could be read: the prompt was cancelled, or the named variable or file is missing. */
public class PinUnavailableException extends Exception {

  public PinUnavailableException(String message) {
    super(message);
  }
}
