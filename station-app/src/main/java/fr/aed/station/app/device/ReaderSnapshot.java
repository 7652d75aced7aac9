package fr.aed.station.app.device;

import fr.aed.station.token.TokenException;
import fr.aed.station.token.pcsc.CardModel;
import java.util.List;
import java.util.Optional;

/**
 * The card readers at one moment, as the token step shows them.
 *
 * @param readers every reader, in the order the service lists them; empty when it is unavailable
 * @param failure why the readers could not be listed (the PC/SC service down, for one), if so
 */
public record ReaderSnapshot(List<Reader> readers, Optional<TokenException> failure) {

  public ReaderSnapshot {
    readers = List.copyOf(readers);
  }

  /**
   * One reader.
   *
   * @param name the reader's name
   * @param cardPresent whether it holds a card
   * @param atrHex the card's ATR, empty without a card or when it could not be read
   * @param model the card's model from the ATR catalogue, empty without a readable ATR
   */
  public record Reader(
      String name, boolean cardPresent, String atrHex, Optional<CardModel> model) {}

  /** Whether the readers could be listed. */
  public boolean serviceAvailable() {
    return failure.isEmpty();
  }

  /** The readers holding a card. */
  public List<Reader> withCard() {
    return readers.stream().filter(Reader::cardPresent).toList();
  }

  /** Whether this snapshot shows the same readers and cards as {@code other}. */
  boolean sameAs(ReaderSnapshot other) {
    return other != null
        && readers.equals(other.readers)
        && failure.map(e -> e.getClass()).equals(other.failure.map(e -> e.getClass()));
  }
}
