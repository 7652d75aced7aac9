package fr.aed.station.token;

/** The card or token was removed, or its reader lost, during an operation. */
public class CardRemovedException extends TokenException {

  public CardRemovedException(String message, Throwable cause) {
    super(message, cause);
  }
}
