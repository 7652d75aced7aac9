package fr.aed.station.simulator;

import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactorySpi;

/**
 * The in-process readers of the simulated cards now inserted, offered to {@code javax.smartcardio}
 * as the terminal factory type {@link SimulatedCard#TERMINAL_FACTORY_TYPE} by a security provider
 * installed once.
 */
final class SimulatedReaders extends CardTerminals {

  static final SimulatedReaders INSTANCE = new SimulatedReaders();

  private static final String PROVIDER_NAME = "StationSimulatedReaders";

  private final List<CardTerminal> inserted = new ArrayList<>();

  private SimulatedReaders() {}

  /** Installs the provider of the terminal factory, once per JVM. */
  static synchronized void installProvider() {
    if (Security.getProvider(PROVIDER_NAME) == null) {
      Security.addProvider(new ReadersProvider());
    }
  }

  synchronized void add(CardTerminal terminal) {
    inserted.add(terminal);
    notifyAll();
  }

  synchronized void remove(CardTerminal terminal) {
    inserted.remove(terminal);
    notifyAll();
  }

  @Override
  public synchronized List<CardTerminal> list(State state) throws CardException {
    List<CardTerminal> listed = new ArrayList<>();
    for (CardTerminal terminal : inserted) {
      boolean present = terminal.isCardPresent();
      boolean wanted =
          switch (state) {
            case ALL -> true;
            case CARD_PRESENT, CARD_INSERTION -> present;
            case CARD_ABSENT, CARD_REMOVAL -> !present;
          };
      if (wanted) {
        listed.add(terminal);
      }
    }
    return listed;
  }

  @Override
  public synchronized boolean waitForChange(long timeout) throws CardException {
    try {
      long before = inserted.size();
      wait(timeout);
      return inserted.size() != before;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CardException("interrupted while waiting for a simulated card", e);
    }
  }

  private static final class ReadersProvider extends Provider {

    private static final long serialVersionUID = 1L;

    ReadersProvider() {
      super(PROVIDER_NAME, "1.0", "In-process readers of the station's simulated PIV cards");
      putService(
          new Service(
              this,
              "TerminalFactory",
              SimulatedCard.TERMINAL_FACTORY_TYPE,
              ReadersFactory.class.getName(),
              null,
              Map.of()) {
            @Override
            public Object newInstance(Object constructorParameter) {
              return new ReadersFactory();
            }
          });
    }
  }

  private static final class ReadersFactory extends TerminalFactorySpi {

    @Override
    protected CardTerminals engineTerminals() {
      return INSTANCE;
    }
  }
}
