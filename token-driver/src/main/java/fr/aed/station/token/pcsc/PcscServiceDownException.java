package fr.aed.station.token.pcsc;

import fr.aed.station.token.TokenException;

/**
 * The PC/SC service (pcscd on Linux) is not running or stopped answering, or the in-process
 * simulator is not installed.
 */
public class PcscServiceDownException extends TokenException implements LocalizedTokenFailure {

  private final transient TokenErrorMessage message;

  /** The service failed; {@code detail} says how (the PC/SC error code when there is one). */
  public PcscServiceDownException(String detail, Throwable cause) {
    this(TokenErrorMessage.of(TokenError.SERVICE_DOWN, detail), cause);
  }

  /**
   * pcscd answers again, but this JVM's PC/SC layer still holds its connection to the pcscd that
   * stopped: the JDK's {@code sun.security.smartcardio} keeps one PC/SC context per JVM and never
   * establishes it again, whatever new {@code TerminalFactory} instance is taken (seen on JDK 17
   * with pcsc-lite 1.9.9). Only a new process reaches the new pcscd.
   */
  public static PcscServiceDownException restarted(Throwable cause) {
    return new PcscServiceDownException(TokenErrorMessage.of(TokenError.SERVICE_RESTARTED), cause);
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
