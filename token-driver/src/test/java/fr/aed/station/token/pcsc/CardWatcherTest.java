package fr.aed.station.token.pcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.simulator.SimulatedCard;
import fr.aed.station.token.ClassifiedFailure;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.TokenFailure;
import fr.aed.station.token.pcsc.ScriptedReaders.Reader;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CardWatcherTest {

  private static final Duration LONG = Duration.ofSeconds(10);
  private static final byte[] ATR = HexFormat.of().parseHex("3B021450");

  private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    schedule.shutdownNow();
  }

  @Test
  void seesASimulatedCardInsertedWhileItWaits() throws Exception {
    CardWatcher watcher = new CardWatcher(CardReaders.inProcess(), "Station simulated card");
    CompletableFuture<SimulatedCard> inserted = new CompletableFuture<>();
    schedule.schedule(() -> inserted.complete(SimulatedCard.insert()), 200, TimeUnit.MILLISECONDS);

    ReaderState state = watcher.awaitCard(LONG);

    try (SimulatedCard card = inserted.get(5, TimeUnit.SECONDS)) {
      assertEquals(card.readerName(), state.name());
      assertEquals(HexFormat.of().withUpperCase().formatHex(card.atr()), state.atrHex());
    }
  }

  @Test
  void seesASimulatedCardRemovedWhileItWaits() throws Exception {
    SimulatedCard card = SimulatedCard.insert();
    CardWatcher watcher = new CardWatcher(CardReaders.inProcess(), card.readerName());
    schedule.schedule(card::close, 200, TimeUnit.MILLISECONDS);

    long started = System.nanoTime();
    assertTrue(watcher.awaitRemoval(card.readerName(), LONG));
    assertTrue(System.nanoTime() - started < LONG.toNanos() / 2);
  }

  @Test
  void givesUpAtTheTimeoutWhenNoCardComes() {
    CardWatcher watcher = new CardWatcher(CardReaders.inProcess(), "No such simulated reader");

    long started = System.nanoTime();
    NoCardException none =
        assertThrows(NoCardException.class, () -> watcher.awaitCard(Duration.ofMillis(300)));
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertTrue(millis >= 300, "gave up after " + millis + " ms, before the 300 ms asked");
    assertEquals(
        ClassifiedFailure.of(TokenFailure.NO_CARD, "No such simulated reader"), none.classified());
  }

  @Test
  void reportsTheServiceDownWhenItNeverAnswers() {
    CardReaders readers =
        new CardReaders(
            () -> {
              throw new CardException("list() failed", new Exception("SCARD_E_NO_SERVICE"));
            },
            "the PC/SC service (pcscd)");

    PcscServiceDownException down =
        assertThrows(
            PcscServiceDownException.class,
            () -> new CardWatcher(readers, "Reader").awaitCard(Duration.ofMillis(200)));
    assertEquals(TokenFailure.SERVICE_DOWN, down.classified().kind());
    assertTrue(down.getMessage().startsWith("PC/SC service not running"), down.getMessage());
  }

  @Test
  void theFirstListingAfterTheServiceRestartedSeesTheReaders() throws Exception {
    // The readers kept hold the context of a pcscd that stopped; the one started since answers.
    ScriptedReaders before = new ScriptedReaders();
    before.plug("Reader 00 00");
    ScriptedReaders after = new ScriptedReaders();
    after.plug("Reader 00 00").atr = ATR;
    List<CardTerminals> released = new CopyOnWriteArrayList<>();
    AtomicInteger opened = new AtomicInteger();
    CardReaders readers =
        new CardReaders(
            new CardReaders.TerminalSource() {
              @Override
              public CardTerminals open() {
                return opened.incrementAndGet() == 1 ? before : after;
              }

              @Override
              public void release(CardTerminals failed) {
                released.add(failed);
              }
            },
            "the PC/SC service (pcscd)");
    assertEquals(List.of("Reader 00 00"), readers.readerNames());

    before.serviceDown = true;

    assertEquals(
        List.of(new ReaderState("Reader 00 00", true, "3B021450")), readers.readerStates());
    assertEquals(2, opened.get());
    assertEquals(List.of(before), released);
  }

  @Test
  void aServiceStillDownAfterTheSecondTryIsReportedDown() {
    AtomicInteger opened = new AtomicInteger();
    CardReaders readers =
        new CardReaders(
            () -> {
              opened.incrementAndGet();
              throw new CardException(
                  "SCardEstablishContext failed", new Exception("SCARD_E_NO_SERVICE"));
            },
            "the PC/SC service (pcscd)");

    PcscServiceDownException down =
        assertThrows(PcscServiceDownException.class, readers::readerNames);
    assertEquals(TokenFailure.SERVICE_DOWN, down.classified().kind());
    assertEquals("PC/SC service not running: SCARD_E_NO_SERVICE.", down.getMessage());
    assertEquals(2, opened.get());
  }

  @Test
  void readersThatFailForAnotherReasonAreNotReleased() {
    // A card connected through them may still be in use: only a service gone frees them.
    ScriptedReaders failing = new ScriptedReaders();
    failing.listFailure = "SCARD_F_INTERNAL_ERROR";
    List<CardTerminals> released = new CopyOnWriteArrayList<>();
    CardReaders readers =
        new CardReaders(
            new CardReaders.TerminalSource() {
              @Override
              public CardTerminals open() {
                return failing;
              }

              @Override
              public void release(CardTerminals failed) {
                released.add(failed);
              }
            },
            "the PC/SC service (pcscd)");

    TokenException failure = assertThrows(TokenException.class, readers::readerNames);
    assertFalse(failure instanceof PcscServiceDownException, failure.toString());
    assertTrue(released.isEmpty(), released.toString());
  }

  @Test
  void aCardTakenOutAsItIsConnectedToIsNoCard() {
    ScriptedReaders scripted = new ScriptedReaders();
    Reader reader = scripted.plug("Reader 00 00");
    reader.atr = ATR;
    reader.connectFailure = "SCARD_W_REMOVED_CARD";
    CardReaders readers = new CardReaders(() -> scripted, "test");

    assertThrows(NoCardException.class, () -> readers.openTransport("Reader"));
    reader.connectFailure = "SCARD_E_NO_SMARTCARD";
    assertThrows(NoCardException.class, () -> readers.selectsPiv("Reader 00 00"));
    reader.connectFailure = "SCARD_E_NO_SERVICE";
    assertThrows(PcscServiceDownException.class, () -> readers.openTransport("Reader"));
    reader.connectFailure = "SCARD_E_SHARING_VIOLATION";
    TokenException other =
        assertThrows(TokenException.class, () -> readers.openTransport("Reader"));
    assertEquals(TokenException.class, other.getClass());
  }

  @Test
  void takesANewFactoryWhenTheServiceRestarts() throws Exception {
    ScriptedReaders before = new ScriptedReaders();
    before.plug("Reader 00 00");
    ScriptedReaders after = new ScriptedReaders();
    after.plug("Reader 00 00").atr = ATR;
    AtomicInteger opened = new AtomicInteger();
    CardReaders readers =
        new CardReaders(
            () -> opened.incrementAndGet() == 1 ? before : after, "the PC/SC service (pcscd)");
    // pcscd stops: the factory opened first fails from now on; a new one sees the card.
    schedule.schedule(() -> before.serviceDown = true, 100, TimeUnit.MILLISECONDS);

    ReaderState state = new CardWatcher(readers, "Reader").awaitCard(LONG);

    assertEquals("3B021450", state.atrHex());
    assertTrue(opened.get() >= 2);
  }

  @Test
  void anUnpluggedReaderCountsAsTheCardRemoved() throws Exception {
    ScriptedReaders scripted = new ScriptedReaders();
    Reader reader = scripted.plug("Reader 00 00");
    reader.atr = ATR;
    CardWatcher watcher = new CardWatcher(new CardReaders(() -> scripted, "test"), "Reader");
    assertEquals("Reader 00 00", watcher.awaitCard(LONG).name());
    schedule.schedule(() -> scripted.readers.remove(reader), 100, TimeUnit.MILLISECONDS);

    assertTrue(watcher.awaitRemoval("Reader 00 00", LONG));
  }

  @Test
  void waitsForAReaderToBePluggedInWhenThereIsNone() throws Exception {
    ScriptedReaders scripted = new ScriptedReaders();
    scripted.failsWhenEmpty = true;
    CardReaders readers = new CardReaders(() -> scripted, "test");
    assertEquals(List.of(), readers.readerStates());
    schedule.schedule(() -> scripted.plug("Reader 00 00").atr = ATR, 100, TimeUnit.MILLISECONDS);

    assertEquals("Reader 00 00", new CardWatcher(readers, "Reader").awaitCard(LONG).name());
  }

  @Test
  void aCardLeftInTheReaderIsReportedAtTheTimeout() throws Exception {
    ScriptedReaders scripted = new ScriptedReaders();
    scripted.plug("Reader 00 00").atr = ATR;
    CardWatcher watcher = new CardWatcher(new CardReaders(() -> scripted, "test"), "Reader");

    assertFalse(watcher.awaitRemoval("Reader 00 00", Duration.ofMillis(200)));
  }
}
