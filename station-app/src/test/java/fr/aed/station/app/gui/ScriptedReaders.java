package fr.aed.station.app.gui;

import fr.aed.station.app.device.ReaderSource;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.pcsc.PcscServiceDownException;
import fr.aed.station.token.pcsc.ReaderState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Card readers as a test scripts them: plugged, cards in and out, the PC/SC service down. */
final class ScriptedReaders implements ReaderSource {

  /** The simulated card's ATR, which the bundled catalogue knows. */
  static final String SIMULATOR_ATR = "3BFA1800008131FE454A434F5033315632333298";

  private final List<ReaderState> readers = new ArrayList<>();
  private boolean serviceDown;
  private int changes;

  /** No PC/SC service at all. */
  static ScriptedReaders noService() {
    ScriptedReaders readers = new ScriptedReaders();
    readers.serviceDown = true;
    return readers;
  }

  synchronized ScriptedReaders plug(String name) {
    readers.add(new ReaderState(name, false, ""));
    return changed();
  }

  synchronized ScriptedReaders insert(String reader, String atrHex) {
    readers.replaceAll(r -> r.name().equals(reader) ? new ReaderState(reader, true, atrHex) : r);
    return changed();
  }

  synchronized ScriptedReaders pull(String reader) {
    readers.replaceAll(r -> r.name().equals(reader) ? new ReaderState(reader, false, "") : r);
    return changed();
  }

  private ScriptedReaders changed() {
    changes++;
    notifyAll();
    return this;
  }

  @Override
  public synchronized List<ReaderState> readers() throws TokenException {
    if (serviceDown) {
      throw new PcscServiceDownException("SCARD_E_NO_SERVICE", null);
    }
    return List.copyOf(readers);
  }

  // As PC/SC does: returns as soon as something changes, or at the end of the slice.
  @Override
  public synchronized void awaitChange(Duration slice) throws InterruptedException {
    int seen = changes;
    long deadline = System.nanoTime() + slice.toNanos();
    while (changes == seen) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return;
      }
      wait(left);
    }
  }
}
