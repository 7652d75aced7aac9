package fr.aed.station.token.pcsc;

import fr.aed.station.token.ClassifiedFailure;
import fr.aed.station.token.SelfClassifiedFailure;
import fr.aed.station.token.TokenFailure;
import java.io.IOException;

/**
 * The PC/SC service (pcscd) stopped while the station was talking to a card: the card is not known
 * to be out, and what the command did on the card is not known. Thrown by {@link PcscTransport};
 * the card session above it ends, and a new one reaches pcscd once it runs again.
 */
public class PcscServiceLostException extends IOException implements SelfClassifiedFailure {

  private final String reader;
  private final String code;

  /**
   * @param reader the reader of the card the station was talking to
   * @param code the PC/SC code that said the service was gone
   */
  public PcscServiceLostException(String reader, String code, Throwable cause) {
    super(
        "The PC/SC service (pcscd) stopped during the operation on the card in "
            + reader
            + " ("
            + code
            + "): start it again, then take the operation up again.",
        cause);
    this.reader = reader;
    this.code = code;
  }

  /** {@link TokenFailure#SERVICE_LOST}, with the reader and the PC/SC code. */
  @Override
  public ClassifiedFailure classified() {
    return ClassifiedFailure.of(TokenFailure.SERVICE_LOST, reader, code);
  }
}
