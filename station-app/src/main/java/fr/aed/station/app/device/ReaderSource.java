package fr.aed.station.app.device;

import fr.aed.station.token.TokenException;
import fr.aed.station.token.pcsc.CardReaders;
import fr.aed.station.token.pcsc.ReaderState;
import java.time.Duration;
import java.util.List;

/** Where the card readers are seen from: the system's PC/SC service, or a script in tests. */
public interface ReaderSource {

  /**
   * Every reader present now, whether it holds a card, and the card's ATR.
   *
   * @throws fr.aed.station.token.pcsc.PcscServiceDownException if the PC/SC service is unavailable
   * @throws TokenException if the readers cannot be listed for another reason
   */
  List<ReaderState> readers() throws TokenException;

  /**
   * Waits up to {@code slice} for a change among the readers, returning early on one.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void awaitChange(Duration slice) throws InterruptedException;

  /** The readers of the system's PC/SC service (pcscd). */
  static ReaderSource system() {
    CardReaders readers = CardReaders.system();
    return new ReaderSource() {
      @Override
      public List<ReaderState> readers() throws TokenException {
        return readers.readerStates();
      }

      @Override
      public void awaitChange(Duration slice) throws InterruptedException {
        readers.awaitChange(slice);
      }
    };
  }
}
