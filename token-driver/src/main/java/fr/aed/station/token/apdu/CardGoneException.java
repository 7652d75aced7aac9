package fr.aed.station.token.apdu;

import java.io.IOException;

/** The card was removed, or its reader disconnected, while the station talked to it. */
public class CardGoneException extends IOException {

  public CardGoneException(String message, Throwable cause) {
    super(message, cause);
  }
}
