package fr.aed.station.token.pcsc;

import java.io.IOException;

/**
 * The PC/SC service (pcscd) stopped while the station was talking to a card: the card is not known
 * to be out, and what the command did on the card is not known. Thrown by {@link PcscTransport};
 * the card session above it ends, and a new one reaches pcscd once it runs again.
 */
public class PcscServiceLostException extends IOException implements LocalizedTokenFailure {

  private final transient TokenErrorMessage message;

  /**
   * @param reader the reader of the card the station was talking to
   * @param code the PC/SC code that said the service was gone
   */
  public PcscServiceLostException(String reader, String code, Throwable cause) {
    super(TokenErrorMessage.of(TokenError.SERVICE_LOST, reader, code).english(), cause);
    this.message = TokenErrorMessage.of(TokenError.SERVICE_LOST, reader, code);
  }

  @Override
  public TokenErrorMessage localizedMessage() {
    return message;
  }
}
