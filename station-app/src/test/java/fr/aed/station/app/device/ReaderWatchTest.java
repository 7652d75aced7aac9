package fr.aed.station.app.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.token.TokenException;
import fr.aed.station.token.pcsc.AtrCatalogue;
import fr.aed.station.token.pcsc.ReaderState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ReaderWatchTest {

  private static ReaderSource source(Supplier<List<ReaderState>> readers) {
    return new ReaderSource() {
      @Override
      public List<ReaderState> readers() throws TokenException {
        return readers.get();
      }

      @Override
      public void awaitChange(Duration slice) {}
    };
  }

  @Test
  void theListenerHearsOfChangesOnly() {
    List<ReaderState> now = new ArrayList<>(List.of(new ReaderState("R", false, "")));
    List<ReaderSnapshot> heard = new ArrayList<>();
    ReaderWatch watch =
        new ReaderWatch(source(() -> List.copyOf(now)), AtrCatalogue.bundled(), heard::add);

    watch.check();
    watch.check();
    now.set(0, new ReaderState("R", true, "3BFA1800008131FE454A434F5033315632333298"));
    watch.check();

    assertEquals(2, heard.size());
    ReaderSnapshot.Reader reader = heard.get(1).readers().get(0);
    assertTrue(reader.cardPresent());
    assertEquals("Station simulated PIV card", reader.model().orElseThrow().name());
  }

  @Test
  void aReaderLayerFailingUnexpectedlyIsAFailureNotTheWatchsEnd() {
    List<ReaderSnapshot> heard = new ArrayList<>();
    ReaderWatch watch =
        new ReaderWatch(
            source(
                () -> {
                  throw new IllegalStateException("provider broken");
                }),
            AtrCatalogue.bundled(),
            heard::add);

    watch.check();

    assertFalse(heard.get(0).serviceAvailable());
    assertEquals("provider broken", heard.get(0).failure().orElseThrow().getCause().getMessage());
  }
}
