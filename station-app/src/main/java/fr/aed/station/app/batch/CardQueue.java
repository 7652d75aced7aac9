package fr.aed.station.app.batch;

import fr.aed.station.token.TokenException;
import fr.aed.station.token.pcsc.CardReaders;
import fr.aed.station.token.pcsc.CardWatcher;
import fr.aed.station.token.pcsc.ReaderState;
import fr.aed.station.token.piv.PivCards;
import java.time.Duration;
import java.util.Set;

/**
 * The cards brought one after another to the readers whose name contains a given part: waits for
 * the next one, connects to it, waits for it to be taken out.
 */
public final class CardQueue implements TokenQueue {

  private final CardReaders readers;
  private final PivCards cards;
  private final CardWatcher watcher;
  private Set<String> ignored = Set.of();

  /** The cards of the readers of {@code readers} whose name contains {@code readerNamePart}. */
  public CardQueue(CardReaders readers, String readerNamePart) {
    this.readers = readers;
    this.cards = new PivCards(readers);
    this.watcher = new CardWatcher(readers, readerNamePart);
  }

  /**
   * Waits for a card; a card already there counts.
   *
   * @return the card, placed by the name of the reader holding it
   * @throws fr.aed.station.token.pcsc.NoCardException if none came within {@code timeout}
   * @throws TokenException if the PC/SC service is down or the wait was interrupted
   */
  @Override
  public QueuedToken next(Duration timeout) throws TokenException {
    ReaderState reader = watcher.awaitCard(timeout, ignored);
    String name = reader.name();
    return new QueuedToken(name, true, () -> cards.open(name));
  }

  /**
   * Leaves out, from now on, the readers present now: with in-process simulated readers, whose
   * names all look alike, this keeps the officer's own simulated card out of the queue.
   *
   * @throws TokenException if the readers cannot be listed
   */
  public void ignoreReadersPresentNow() throws TokenException {
    ignored = Set.copyOf(readers.readerNames());
  }

  /**
   * Waits for {@code card} to be taken out of its reader (or the reader unplugged).
   *
   * @return whether it was, within {@code timeout}
   * @throws TokenException if the PC/SC service is down or the wait was interrupted
   */
  @Override
  public boolean awaitRemoval(QueuedToken card, Duration timeout) throws TokenException {
    return watcher.awaitRemoval(card.place(), timeout);
  }
}
