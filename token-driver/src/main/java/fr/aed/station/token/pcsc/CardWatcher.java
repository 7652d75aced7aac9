package fr.aed.station.token.pcsc;

import fr.aed.station.token.TokenException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Waits for a card to come into, or leave, the readers whose name contains a given part. Every wait
 * is bounded by its timeout. A wait outlasts the PC/SC service being down, starting only after the
 * station did, or restarting while it waits (new readers, on a new PC/SC context, are opened after
 * each failure), no reader being plugged in, and a reader being unplugged (its card counts as
 * removed).
 */
public final class CardWatcher {

  // How long one wait for a change lasts before the readers are listed again.
  private static final Duration SLICE = Duration.ofMillis(250);

  private final CardReaders readers;
  private final String readerNamePart;

  /** Watches the readers of {@code readers} whose name contains {@code readerNamePart}. */
  public CardWatcher(CardReaders readers, String readerNamePart) {
    this.readers = readers;
    this.readerNamePart = readerNamePart;
  }

  /**
   * Waits until a matching reader holds a card, and returns that reader with the card's ATR. A card
   * already there is returned at once.
   *
   * @throws NoCardException if no card came within {@code timeout}
   * @throws PcscServiceDownException if the PC/SC service was still down at the deadline
   * @throws TokenException if the readers could still not be listed at the deadline, or the thread
   *     is interrupted
   */
  public ReaderState awaitCard(Duration timeout) throws TokenException {
    return awaitCard(timeout, Set.of());
  }

  /**
   * Like {@link #awaitCard(Duration)}, leaving out the readers named in {@code ignored} (the
   * officer's own card, for one), whose cards are not even connected to.
   *
   * @throws TokenException as {@link #awaitCard(Duration)}
   */
  public ReaderState awaitCard(Duration timeout, Set<String> ignored) throws TokenException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      TokenException failure = null;
      try {
        Optional<ReaderState> found =
            cardIn(name -> name.contains(readerNamePart) && !ignored.contains(name), true);
        if (found.isPresent()) {
          return found.get();
        }
      } catch (TokenException e) {
        // pcscd stopped, a reader unplugged while listed: tried again until the deadline.
        failure = e;
      }
      if (System.nanoTime() - deadline >= 0) {
        throw failure != null ? failure : new NoCardException(readerNamePart);
      }
      pause(deadline);
    }
  }

  /**
   * Waits until the reader named {@code readerName} holds no card or is gone.
   *
   * @return whether the card was removed within {@code timeout}
   * @throws PcscServiceDownException if the PC/SC service was still down at the deadline
   * @throws TokenException if the readers could still not be listed at the deadline, or the thread
   *     is interrupted
   */
  public boolean awaitRemoval(String readerName, Duration timeout) throws TokenException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      TokenException failure = null;
      try {
        if (cardIn(readerName::equals, false).isEmpty()) {
          return true;
        }
      } catch (TokenException e) {
        // pcscd stopped, a reader unplugged while listed: tried again until the deadline.
        failure = e;
      }
      if (System.nanoTime() - deadline >= 0) {
        if (failure != null) {
          throw failure;
        }
        return false;
      }
      pause(deadline);
    }
  }

  private Optional<ReaderState> cardIn(Predicate<String> which, boolean readAtr)
      throws TokenException {
    return readers.readerStates(which, readAtr).stream()
        .filter(ReaderState::cardPresent)
        .findFirst();
  }

  private void pause(long deadline) throws TokenException {
    long remaining = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    long started = System.nanoTime();
    try {
      readers.awaitChange(Duration.ofMillis(Math.min(remaining, SLICE.toMillis())));
      // Some factories return from a wait at once (the first call of PC/SC's, for one): never spin.
      long spent = (System.nanoTime() - started) / 1_000_000;
      if (spent < 20 && remaining > spent) {
        Thread.sleep(Math.min(20 - spent, remaining - spent));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TokenException("interrupted while waiting for a card", e);
    }
  }
}
