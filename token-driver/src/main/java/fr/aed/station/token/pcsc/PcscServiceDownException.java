package fr.aed.station.token.pcsc;

import fr.aed.station.token.TokenException;

/**
 * The PC/SC service (pcscd on Linux) is not running or stopped answering, or the in-process
 * simulator is not installed. Nothing needs restarting on the station's side: the next attempt
 * opens a new PC/SC context, which reaches pcscd as soon as it runs again (started late, or
 * restarted while the station runs).
 */
public class PcscServiceDownException extends TokenException implements LocalizedTokenFailure {

  private final transient TokenErrorMessage message;

  /** The service failed; {@code detail} says how (the PC/SC error code when there is one). */
  public PcscServiceDownException(String detail, Throwable cause) {
    this(TokenErrorMessage.of(TokenError.SERVICE_DOWN, detail), cause);
  }

  private PcscServiceDownException(TokenErrorMessage message, Throwable cause) {
    super(message.english(), cause);
    this.message = message;
  }

  @Override
  public TokenErrorMessage localizedMessage() {
    return message;
  }
}
