package fr.aed.station.token.pcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.token.PinStatus;
import fr.aed.station.token.TokenDescription;
import fr.aed.station.token.TokenFailure;
import fr.aed.station.token.piv.PivCards;
import fr.aed.station.token.piv.PivToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One JVM, one {@link CardReaders#system()}: reads the simulated card through pcscd, sees pcscd
 * stopped, and reads the card again once pcscd runs anew, without the process restarting.
 * scripts/pcsc-tests drives it in phases through files in the directory named by {@code
 * -Dpcsc.restart.dir}: this test writes {@code read}, the script stops pcscd and writes {@code
 * stopped}, this test writes {@code seen-down}, the script starts pcscd and the simulator again and
 * writes {@code restarted}. Selected by the Maven profile {@code pcscd} only; it fails, never
 * skips, without the reader or the directory. Writes what the JDK's own SunPCSC did across the same
 * restart to target/pcsc-restart.txt, for comparison (not asserted: it is the JDK's behaviour).
 */
@Tag("pcscd")
class PcscRestartTest {

  private static final Duration PHASE = Duration.ofSeconds(120);

  @Test
  void theSameReadersReadTheCardAgainAfterPcscdRestarted() throws Exception {
    String reader = System.getProperty("pcsc.reader", System.getenv("PCSC_READER"));
    assertFalse(reader == null || reader.isBlank(), "name the reader with -Dpcsc.reader");
    String dir = System.getProperty("pcsc.restart.dir");
    assertFalse(dir == null || dir.isBlank(), "name the phases' directory with -Dpcsc.restart.dir");
    Path phases = Path.of(dir);
    List<String> lines = new ArrayList<>();

    CardReaders readers = CardReaders.system();
    ReaderState before = readCard(readers, reader);
    // Left alone while pcscd is down: it still holds its context of the pcscd that stops.
    CardReaders idle = CardReaders.system();
    assertEquals(before, readCard(idle, reader));
    CardTerminals sun = TerminalFactory.getInstance("PC/SC", null).terminals();
    lines.add("SunPCSC before the restart: " + sunListing(sun));
    signal(phases, "read");

    await(phases, "stopped");
    // No pcscd: the typed failure, with the service's code, from a listing and from a wait.
    PcscServiceDownException down =
        assertThrows(PcscServiceDownException.class, readers::readerStates);
    assertEquals(TokenFailure.SERVICE_DOWN, down.classified().kind());
    assertTrue(down.getMessage().contains("SCARD_E_NO_SERVICE"), down.getMessage());
    assertTrue(
        down.classified().arguments().get(0).contains("SCARD_E_NO_SERVICE"),
        down.classified().toString());
    assertThrows(
        PcscServiceDownException.class,
        () -> new CardWatcher(readers, reader).awaitCard(Duration.ofMillis(600)));
    assertThrows(PcscServiceDownException.class, () -> new PivCards(readers).open(reader));
    signal(phases, "seen-down");

    await(phases, "restarted");
    // The very first listing after the restart sees the card: no wait, no new CardReaders.
    ReaderState after = readCard(readers, reader);
    assertEquals(before.name(), after.name());
    assertEquals(before.atrHex(), after.atrHex());
    // The watcher over the same readers finds it at once too.
    assertEquals(after, new CardWatcher(readers, reader).awaitCard(Duration.ofSeconds(5)));
    // Readers whose context belongs to the stopped pcscd read the card on their first call too.
    assertEquals(after, readCard(idle, reader));
    lines.add("SunPCSC after the restart, same factory: " + sunListing(sun));
    lines.add(
        "SunPCSC after the restart, new factory: "
            + sunListing(TerminalFactory.getInstance("PC/SC", null).terminals()));
    lines.add("CardReaders.system() (jnasmartcardio) after the restart: read " + after);

    String report = String.join(System.lineSeparator(), lines) + System.lineSeparator();
    System.out.print(report);
    Files.writeString(Path.of("target", "pcsc-restart.txt"), report, StandardCharsets.UTF_8);
  }

  // The reader's state with its ATR, then a PIV session: the card's description and a PIN check.
  private static ReaderState readCard(CardReaders readers, String reader) throws Exception {
    List<ReaderState> states = readers.readerStates();
    ReaderState state =
        states.stream()
            .filter(s -> s.name().equals(reader))
            .findFirst()
            .orElseThrow(() -> new AssertionError(reader + " not among " + states));
    assertTrue(state.cardPresent(), state.toString());
    assertFalse(state.atrHex().isEmpty(), state.toString());
    try (PivToken token = new PivCards(readers).open(reader)) {
      TokenDescription description = token.describe();
      assertEquals(reader, description.reader());
      assertFalse(description.serial().isBlank(), description.toString());
      token.verifyPin("123456".toCharArray());
      PinStatus status = token.pinStatus();
      assertTrue(status.verified(), status.toString());
    }
    return state;
  }

  private static String sunListing(CardTerminals terminals) {
    try {
      return "lists " + terminals.list().size() + " reader(s)";
    } catch (Exception e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      return "fails: " + root.getMessage();
    }
  }

  private static void signal(Path phases, String name) throws Exception {
    Files.writeString(phases.resolve(name), name, StandardCharsets.UTF_8);
  }

  private static void await(Path phases, String name) throws Exception {
    long deadline = System.nanoTime() + PHASE.toNanos();
    while (!Files.exists(phases.resolve(name))) {
      assertTrue(System.nanoTime() < deadline, "the script never wrote " + name);
      Thread.sleep(100);
    }
  }
}
