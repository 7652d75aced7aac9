package fr.aed.station.token.pcsc;

import fr.aed.station.token.Token;
import fr.aed.station.token.TokenException;
import java.util.List;

/**
 * The card readers of one terminal factory: the system's PC/SC, or the in-process simulator. STUB.
 */
public final class CardReaders {

  private CardReaders() {}

  /** The readers of the system's PC/SC service (pcscd). */
  public static CardReaders system() {
    throw new UnsupportedOperationException("not yet");
  }

  /** The in-process readers holding simulated cards. */
  public static CardReaders inProcess() {
    throw new UnsupportedOperationException("not yet");
  }

  /** The names of the readers present now. */
  public List<String> readerNames() throws TokenException {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Connects to the card in the first reader whose name contains {@code readerNamePart} and opens
   * its PIV application.
   *
   * @throws TokenException if no such reader, no card, or no PIV application
   */
  public Token openPiv(String readerNamePart) throws TokenException {
    throw new UnsupportedOperationException("not yet");
  }
}
