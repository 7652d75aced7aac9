package fr.aed.station.app.device;

import fr.aed.station.token.TokenException;
import fr.aed.station.token.pcsc.AtrCatalogue;
import fr.aed.station.token.pcsc.CardModel;
import fr.aed.station.token.pcsc.ReaderState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Watches the card readers and tells a listener each time what it sees changes: a reader plugged or
 * unplugged, a card inserted or pulled, the PC/SC service gone or back. {@link #watch} blocks the
 * thread it runs on until {@link #stop}; {@link #check} looks once.
 */
public final class ReaderWatch {

  // The longest wait for a PC/SC event before the readers are listed again anyway.
  private static final Duration SLICE = Duration.ofMillis(250);
  // Some factories return from a wait at once (PC/SC's first call, a service down): never spin.
  private static final long MIN_PAUSE_MILLIS = 20;

  private final ReaderSource source;
  private final AtrCatalogue catalogue;
  private final Consumer<ReaderSnapshot> listener;
  private volatile boolean stopped;
  private volatile Thread watching;
  private ReaderSnapshot last;

  /**
   * @param listener told of each new snapshot, on the watching thread
   */
  public ReaderWatch(
      ReaderSource source, AtrCatalogue catalogue, Consumer<ReaderSnapshot> listener) {
    this.source = source;
    this.catalogue = catalogue;
    this.listener = listener;
  }

  /** Lists the readers once and tells the listener if anything changed since the last look. */
  public synchronized void check() {
    ReaderSnapshot now = snapshot();
    if (!now.sameAs(last)) {
      last = now;
      listener.accept(now);
    }
  }

  /** Looks at the readers, then again after every change, until {@link #stop} is called. */
  public void watch() {
    watching = Thread.currentThread();
    try {
      while (!stopped) {
        check();
        long started = System.nanoTime();
        source.awaitChange(SLICE);
        long spent = (System.nanoTime() - started) / 1_000_000;
        if (spent < MIN_PAUSE_MILLIS) {
          Thread.sleep(MIN_PAUSE_MILLIS - spent);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      watching = null;
    }
  }

  /** Ends {@link #watch}, at once if it is waiting. */
  public void stop() {
    stopped = true;
    Thread thread = watching;
    if (thread != null) {
      thread.interrupt();
    }
  }

  private ReaderSnapshot snapshot() {
    List<ReaderState> states;
    try {
      states = source.readers();
    } catch (TokenException e) {
      return new ReaderSnapshot(List.of(), Optional.of(e));
    } catch (RuntimeException e) {
      // A PC/SC layer failing in an unexpected way must not end the watch: it is a failure too.
      return new ReaderSnapshot(
          List.of(), Optional.of(new TokenException("the card readers cannot be listed", e)));
    }
    return new ReaderSnapshot(states.stream().map(this::reader).toList(), Optional.empty());
  }

  private ReaderSnapshot.Reader reader(ReaderState state) {
    Optional<CardModel> model =
        state.cardPresent() && !state.atrHex().isEmpty()
            ? Optional.of(catalogue.identify(state.atrHex()))
            : Optional.empty();
    return new ReaderSnapshot.Reader(state.name(), state.cardPresent(), state.atrHex(), model);
  }
}
