package fr.aed.station.app.device;

import fr.aed.station.token.Token;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.piv.ManagementKey;

/** Where the holder's token is: connects to it when the meeting reaches the token step. */
@FunctionalInterface
public interface TokenConnector {

  /**
   * Connects to the token.
   *
   * @throws TokenException if no token is there or it cannot be opened
   */
  Token connect() throws TokenException;

  /**
   * This connector, opening the card with its own management key (a PIV card whose key is not the
   * factory one and not kept behind the PIN).
   *
   * @throws IllegalArgumentException if this kind of token has no management key
   */
  default TokenConnector withManagementKey(ManagementKey key) {
    throw new IllegalArgumentException(
        "a management key is for PIV cards (pcsc: or simulated); a PKCS#11 token takes its"
            + " security officer's PIN with so-pin-env=VAR");
  }
}
