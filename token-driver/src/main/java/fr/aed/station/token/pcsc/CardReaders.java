package fr.aed.station.token.pcsc;

import fr.aed.station.token.TokenException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.TerminalFactory;

/** The card readers of one terminal factory: the system's PC/SC, or the in-process simulator. */
public final class CardReaders {

  // Registered by the simulator module when it is on the class path; named here by string only.
  private static final String SIMULATOR_FACTORY_TYPE = "StationSimulator";
  // SELECT of the PIV application by its 5-byte AID prefix (SP 800-73-4, part 2, 3.1.1).
  private static final byte[] SELECT_PIV = HexFormat.of().parseHex("00A4040005A000000308");
  private static final int SW_OK = 0x9000;
  private static final int SW1_BYTES_REMAINING = 0x61;

  /** Where the readers come from; new readers are opened after a failure. */
  @FunctionalInterface
  interface TerminalSource {
    CardTerminals open() throws NoSuchAlgorithmException, CardException;

    /** Frees readers whose service failed, or that a card session owned; not used again. */
    default void release(CardTerminals failed) {}

    /**
     * Whether each card session gets readers of its own, released when the session closes (PC/SC
     * contexts: pcscd serves 200 at most, for all its clients together).
     */
    default boolean sessionsOwnReaders() {
      return false;
    }
  }

  private final TerminalSource source;
  private final String serviceName;
  private CardTerminals terminals;

  CardReaders(TerminalSource source, String serviceName) {
    this.source = source;
    this.serviceName = serviceName;
  }

  /**
   * The readers of the system's PC/SC service (pcscd). New readers, on a new PC/SC context, are
   * opened after every failure, so that pcscd started after the station, or restarted while it
   * runs, is reached again by the same process (see {@link SystemPcsc}).
   */
  public static CardReaders system() {
    return new CardReaders(new SystemPcsc(), "the PC/SC service (pcscd)");
  }

  /**
   * The in-process readers holding simulated cards; none until the simulator inserted its first
   * card (which registers their factory).
   */
  public static CardReaders inProcess() {
    return new CardReaders(CardReaders::simulatedReaders, "the in-process card simulator");
  }

  private static CardTerminals simulatedReaders() throws CardException {
    try {
      return TerminalFactory.getInstance(SIMULATOR_FACTORY_TYPE, null).terminals();
    } catch (NoSuchAlgorithmException e) {
      return NoReaders.INSTANCE;
    }
  }

  /** The readers of a simulator not started yet: none, and never a change. */
  private static final class NoReaders extends CardTerminals {

    static final NoReaders INSTANCE = new NoReaders();

    @Override
    public List<CardTerminal> list(State state) {
      return List.of();
    }

    @Override
    public boolean waitForChange(long timeout) throws CardException {
      try {
        Thread.sleep(Math.max(1, timeout));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CardException("interrupted", e);
      }
      return false;
    }
  }

  /**
   * The names of the readers present now.
   *
   * @throws PcscServiceDownException if the PC/SC service (or the simulator) is unavailable
   * @throws TokenException if the readers cannot be listed for another reason
   */
  public List<String> readerNames() throws TokenException {
    return readers().stream().map(CardTerminal::getName).toList();
  }

  /**
   * Every reader present now, whether it holds a card, and the card's ATR. Reading an ATR connects
   * to the card in shared mode and leaves it without a reset; a card held exclusively by another
   * program is listed present with an empty ATR.
   *
   * @throws PcscServiceDownException if the PC/SC service (or the simulator) is unavailable
   * @throws TokenException if the readers cannot be listed for another reason
   */
  public List<ReaderState> readerStates() throws TokenException {
    return readerStates(name -> true, true);
  }

  /**
   * The readers whose name {@code which} accepts, as {@link #readerStates()}; the ATRs are read
   * only when {@code readAtr}, so that cards in other readers, or in use, are not connected to.
   *
   * @throws TokenException as {@link #readerStates()}
   */
  List<ReaderState> readerStates(Predicate<String> which, boolean readAtr) throws TokenException {
    List<ReaderState> states = new ArrayList<>();
    for (CardTerminal terminal : readers()) {
      if (which.test(terminal.getName())) {
        states.add(stateOf(terminal, readAtr));
      }
    }
    return states;
  }

  /**
   * Whether the card in the reader named {@code readerName} answers a SELECT of the PIV application
   * with success.
   *
   * @throws NoReaderException if no reader has this name
   * @throws NoCardException if the reader holds no card
   * @throws TokenException if the card cannot be reached
   */
  public boolean selectsPiv(String readerName) throws TokenException {
    CardTerminal terminal = find(readerName);
    Card card = connect(terminal);
    try {
      // Through the system's provider the card's own answer comes back: 61xx (T=0) is success.
      int sw = card.getBasicChannel().transmit(new CommandAPDU(SELECT_PIV)).getSW();
      return sw == SW_OK || (sw >> 8) == SW1_BYTES_REMAINING;
    } catch (CardException | RuntimeException e) {
      throw new TokenException("cannot talk to the card in " + terminal.getName(), e);
    } finally {
      disconnect(card, true);
    }
  }

  /**
   * Connects to the card in the first reader whose name contains {@code readerNamePart}. The caller
   * owns the transport: closing it disconnects the card with a reset and frees the readers the
   * session was given. Through the system's PC/SC the answers are the card's own, {@code 61xx}
   * included (see {@link PcscTransport#transmit}).
   *
   * @throws NoReaderException if no reader matches (the message lists the readers present)
   * @throws NoCardException if the reader holds no card
   * @throws PcscServiceDownException if the PC/SC service is unavailable
   * @throws TokenException if the card cannot be reached
   */
  public PcscTransport openTransport(String readerNamePart) throws TokenException {
    return source.sessionsOwnReaders() ? ownSession(readerNamePart) : sharedSession(readerNamePart);
  }

  private PcscTransport sharedSession(String readerNamePart) throws TokenException {
    CardTerminal terminal = find(readerNamePart);
    return new PcscTransport(terminal, connect(terminal));
  }

  // Readers of the session's own, listed and connected through, which the transport's close
  // releases: neither the readers kept for listings nor left to the garbage collector.
  private PcscTransport ownSession(String readerNamePart) throws TokenException {
    CardTerminals own = terminalsOfTheSession();
    try {
      CardTerminal terminal = find(listOf(own), readerNamePart);
      return new PcscTransport(terminal, connect(terminal), () -> source.release(own));
    } catch (TokenException | RuntimeException e) {
      source.release(own);
      throw e;
    }
  }

  private CardTerminals terminalsOfTheSession() throws TokenException {
    try {
      return source.open();
    } catch (NoSuchAlgorithmException e) {
      throw serviceDown(PcscCodes.rootMessage(e), e);
    } catch (CardException e) {
      throw failure(e);
    }
  }

  /**
   * Waits up to {@code slice} for a change among the readers (a card in or out, a reader plugged or
   * unplugged), or sleeps that long when the service is unavailable. Returns early on a change.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public void awaitChange(Duration slice) throws InterruptedException {
    long millis = Math.max(1, slice.toMillis());
    CardTerminals current;
    try {
      current = terminals();
    } catch (TokenException e) {
      Thread.sleep(millis);
      return;
    }
    try {
      current.waitForChange(millis);
    } catch (CardException e) {
      forget(current, failure(e));
      Thread.sleep(millis);
    } catch (RuntimeException e) {
      forget(current, null);
      Thread.sleep(millis);
    }
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted while waiting for a card");
    }
  }

  private static ReaderState stateOf(CardTerminal terminal, boolean readAtr) {
    boolean present;
    try {
      present = terminal.isCardPresent();
    } catch (CardException | RuntimeException e) {
      // The reader went away between the listing and now.
      return new ReaderState(terminal.getName(), false, "");
    }
    if (!present || !readAtr) {
      return new ReaderState(terminal.getName(), present, "");
    }
    try {
      Card card = terminal.connect("*");
      String atr = HexFormat.of().withUpperCase().formatHex(card.getATR().getBytes());
      disconnect(card, false);
      return new ReaderState(terminal.getName(), true, atr);
    } catch (CardException | RuntimeException e) {
      return new ReaderState(terminal.getName(), true, "");
    }
  }

  private Card connect(CardTerminal terminal) throws TokenException {
    try {
      if (!terminal.isCardPresent()) {
        throw new NoCardException(terminal.getName());
      }
      return terminal.connect("*");
    } catch (CardNotPresentException e) {
      throw new NoCardException(terminal.getName());
    } catch (CardException e) {
      // Taken out between the look and the connection.
      if (PcscCodes.noCard(e)) {
        throw new NoCardException(terminal.getName());
      }
      TokenException failure = failure(e);
      if (failure instanceof PcscServiceDownException) {
        throw failure;
      }
      throw new TokenException("cannot connect to the card in " + terminal.getName(), e);
    }
  }

  private static void disconnect(Card card, boolean reset) {
    try {
      card.disconnect(reset);
    } catch (CardException | RuntimeException e) {
      // Already gone: nothing left to release.
    }
  }

  private CardTerminal find(String readerNamePart) throws TokenException {
    return find(readers(), readerNamePart);
  }

  private static CardTerminal find(List<CardTerminal> readers, String readerNamePart)
      throws NoReaderException {
    return readers.stream()
        .filter(t -> t.getName().contains(readerNamePart))
        .findFirst()
        .orElseThrow(
            () ->
                new NoReaderException(
                    readerNamePart, readers.stream().map(CardTerminal::getName).toList()));
  }

  private List<CardTerminal> readers() throws TokenException {
    try {
      return listOnce();
    } catch (PcscServiceDownException e) {
      // The readers kept may hold a context of a pcscd that stopped since: once with new ones,
      // which reach a pcscd restarted meanwhile (or fail the same way if it is really down).
      return listOnce();
    }
  }

  private List<CardTerminal> listOnce() throws TokenException {
    CardTerminals current = terminals();
    try {
      return listOf(current);
    } catch (TokenException failure) {
      forget(current, failure);
      throw failure;
    }
  }

  private List<CardTerminal> listOf(CardTerminals terminals) throws TokenException {
    try {
      return terminals.list();
    } catch (CardException e) {
      if (PcscCodes.is(e, PcscCodes.NO_READERS)) {
        return List.of();
      }
      throw failure(e);
    }
  }

  private synchronized CardTerminals terminals() throws TokenException {
    if (terminals != null) {
      return terminals;
    }
    CardTerminals opened;
    try {
      opened = source.open();
    } catch (NoSuchAlgorithmException e) {
      throw serviceDown(PcscCodes.rootMessage(e), e);
    } catch (CardException e) {
      throw failure(e);
    }
    // Not kept when the simulator is not started yet: its factory appears with its first card.
    if (opened != NoReaders.INSTANCE) {
      terminals = opened;
    }
    return opened;
  }

  // The next call opens new readers: the old ones may belong to a pcscd now stopped. They are
  // released only when their service is gone: otherwise a card connected through them may still
  // be in use, and they are left to the garbage collector.
  private synchronized void forget(CardTerminals failed, TokenException failure) {
    if (terminals == failed) {
      terminals = null;
    }
    if (failure instanceof PcscServiceDownException) {
      source.release(failed);
    }
  }

  private TokenException failure(CardException e) {
    // The code alone: jnasmartcardio's message around it is English prose for developers.
    Optional<String> code = PcscCodes.serviceDown(e);
    if (code.isPresent()) {
      return serviceDown(code.get(), e);
    }
    return new TokenException(serviceName + " failed: " + PcscCodes.rootMessage(e), e);
  }

  private static PcscServiceDownException serviceDown(String detail, Exception e) {
    return new PcscServiceDownException(detail, e);
  }
}
