package fr.aed.station.simulator;

import javax.smartcardio.CardTerminal;

/**
 * A fresh simulated PIV card, inserted in an in-process reader. STUB: to be implemented.
 *
 * <p>Its reader is listed by the in-process terminal factory {@link #TERMINAL_FACTORY_TYPE}, so the
 * token driver reaches it by reader name like any PC/SC reader.
 */
public final class SimulatedCard implements AutoCloseable {

  /** The {@code javax.smartcardio.TerminalFactory} type that lists the simulated readers. */
  public static final String TERMINAL_FACTORY_TYPE = "StationSimulator";

  private SimulatedCard() {}

  /** Creates a fresh card with its own random serial and default PIN, PUK and management key. */
  public static SimulatedCard insert() {
    throw new UnsupportedOperationException("not yet");
  }

  /** The name of the in-process reader holding this card. */
  public String readerName() {
    throw new UnsupportedOperationException("not yet");
  }

  /** The reader, as a standard card terminal. */
  public CardTerminal terminal() {
    throw new UnsupportedOperationException("not yet");
  }

  /** Removes the card and its reader. */
  @Override
  public void close() {}
}
