package fr.aed.station.app.device;

import fr.aed.station.token.Token;
import fr.aed.station.token.TokenException;

/** Where the holder's token is: connects to it when the meeting reaches the token step. */
@FunctionalInterface
public interface TokenConnector {

  /**
   * Connects to the token.
   *
   * @throws TokenException if no token is there or it cannot be opened
   */
  Token connect() throws TokenException;
}
