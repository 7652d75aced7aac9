package fr.aed.station.token.pcsc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;

/** Readers whose cards a test puts in and pulls out, or unplugs, without any PC/SC service. */
final class ScriptedReaders extends CardTerminals {

  final List<Reader> readers = new CopyOnWriteArrayList<>();
  volatile boolean serviceDown;
  // pcsc-lite's way: listing no reader is an error, not an empty list.
  volatile boolean failsWhenEmpty;
  // A PC/SC code every listing fails with, when set.
  volatile String listFailure;

  Reader plug(String name) {
    Reader reader = new Reader(name);
    readers.add(reader);
    return reader;
  }

  @Override
  public List<CardTerminal> list(State state) throws CardException {
    requireService();
    if (listFailure != null) {
      throw new CardException("list() failed", new Exception(listFailure));
    }
    if (failsWhenEmpty && readers.isEmpty()) {
      throw new CardException("list() failed", new Exception("SCARD_E_NO_READERS_AVAILABLE"));
    }
    return readers.stream()
        .filter(r -> state != State.CARD_PRESENT || r.atr != null)
        .map(CardTerminal.class::cast)
        .toList();
  }

  @Override
  public boolean waitForChange(long timeout) throws CardException {
    requireService();
    try {
      Thread.sleep(Math.min(timeout, 10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  private void requireService() throws CardException {
    if (serviceDown) {
      throw new CardException("list() failed", new Exception("SCARD_E_NO_SERVICE"));
    }
  }

  static final class Reader extends CardTerminal {

    private final String name;
    volatile byte[] atr;
    // A PC/SC code the connection fails with, when set (the card taken out meanwhile, say).
    volatile String connectFailure;

    Reader(String name) {
      this.name = name;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean isCardPresent() {
      return atr != null;
    }

    @Override
    public Card connect(String protocol) throws CardException {
      byte[] current = atr;
      if (connectFailure != null) {
        throw new CardException("SCardConnect failed", new Exception(connectFailure));
      }
      if (current == null) {
        throw new CardException("no card");
      }
      return new ScriptedCard(current);
    }

    @Override
    public boolean waitForCardPresent(long timeout) {
      return isCardPresent();
    }

    @Override
    public boolean waitForCardAbsent(long timeout) {
      return !isCardPresent();
    }
  }

  /** A card with an ATR and, when a test gives one, a channel; nothing else. */
  static final class ScriptedCard extends Card {

    private final byte[] atr;
    private final CardChannel channel;

    ScriptedCard(byte[] atr) {
      this(atr, null);
    }

    ScriptedCard(byte[] atr, CardChannel channel) {
      this.atr = atr;
      this.channel = channel;
    }

    @Override
    public ATR getATR() {
      return new ATR(atr);
    }

    @Override
    public String getProtocol() {
      return "T=1";
    }

    @Override
    public CardChannel getBasicChannel() {
      if (channel == null) {
        throw new UnsupportedOperationException("no channel in scripted readers");
      }
      return channel;
    }

    @Override
    public CardChannel openLogicalChannel() {
      throw new UnsupportedOperationException("no channel in scripted readers");
    }

    @Override
    public void beginExclusive() {}

    @Override
    public void endExclusive() {}

    @Override
    public byte[] transmitControlCommand(int controlCode, byte[] command) {
      return new byte[0];
    }

    @Override
    public void disconnect(boolean reset) {}
  }
}
