package fr.aed.station.crypto.journal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a journal entry by entry, in stored order, so that a journal of any length is checked in
 * bounded memory; then checks the officer's seals against what it saw. Each entry's hash covers the
 * previous entry's hash and every field, so an edited, deleted, inserted or moved entry breaks the
 * chain from that point on; a seal pins the chain, so a journal cut after a sealed entry, or
 * rewritten whole, is found too.
 */
public final class JournalVerifier {

  private final List<JournalSeal> seals;
  private final Map<Long, String> sealedHashesSeen = new HashMap<>();
  private String previous = JournalChain.GENESIS;
  private long entries;

  /** A verifier that will check these seals once every entry is seen. */
  public JournalVerifier(List<JournalSeal> seals) {
    this.seals = List.copyOf(seals);
    seals.forEach(seal -> sealedHashesSeen.put(seal.sequence(), null));
  }

  /** How many entries were accepted so far. */
  public long entries() {
    return entries;
  }

  /**
   * Checks the next entry: its sequence, its link to the one before, its hash.
   *
   * @return the broken link, if this entry breaks the chain (stop there)
   */
  public Optional<BrokenLink> accept(ChainedEntry chained) {
    long expected = entries + 1;
    long sequence = chained.entry().sequence();
    if (sequence != expected) {
      return broken(expected, "entry " + expected + " expected, entry " + sequence + " found");
    }
    if (!chained.previousHash().equals(previous)) {
      return broken(sequence, "does not follow the entry before it (removed or moved)");
    }
    if (!chained.hash().equals(JournalChain.append(previous, chained.entry()).hash())) {
      return broken(sequence, "content altered after it was recorded");
    }
    if (sealedHashesSeen.containsKey(sequence)) {
      sealedHashesSeen.put(sequence, chained.hash());
    }
    previous = chained.hash();
    entries = expected;
    return Optional.empty();
  }

  /**
   * Checks each seal once every entry was accepted: its signature, and that the entry it seals is
   * still there with the same hash.
   *
   * @return the first seal that does not hold, if any
   */
  public Optional<BrokenLink> finish() {
    for (JournalSeal seal : seals) {
      if (!seal.signatureValid()) {
        return broken(seal.sequence(), "the officer's seal over this entry does not verify");
      }
      if (seal.sequence() > entries) {
        return broken(
            entries + 1, "journal truncated: entry " + seal.sequence() + " was sealed and is gone");
      }
      if (!seal.headHash().equals(sealedHashesSeen.get(seal.sequence()))) {
        return broken(seal.sequence(), "differs from the entry the officer sealed");
      }
    }
    return Optional.empty();
  }

  private static Optional<BrokenLink> broken(long sequence, String reason) {
    return Optional.of(new BrokenLink(sequence, reason));
  }
}
