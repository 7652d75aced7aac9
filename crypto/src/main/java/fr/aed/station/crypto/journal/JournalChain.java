package fr.aed.station.crypto.journal;

import fr.aed.station.crypto.Fingerprints;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The hash chain that makes the journal tamper-evident: each entry's hash covers the previous
 * entry's hash and every field of the entry, so editing, deleting, inserting or reordering an entry
 * breaks the chain from that point on.
 */
public final class JournalChain {

  /** The previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private JournalChain() {}

  /** Chains {@code entry} after the entry whose hash is {@code previousHash}. */
  public static ChainedEntry append(String previousHash, JournalEntry entry) {
    return new ChainedEntry(entry, previousHash, hash(previousHash, entry));
  }

  /**
   * Recomputes the chain over the entries, in stored order, and reports the first broken link.
   *
   * @return empty when every link holds
   */
  public static Optional<BrokenLink> firstBrokenLink(List<ChainedEntry> entries) {
    String previous = GENESIS;
    long expectedSequence = 1;
    for (ChainedEntry chained : entries) {
      long sequence = chained.entry().sequence();
      if (sequence != expectedSequence) {
        return Optional.of(
            new BrokenLink(
                expectedSequence,
                "entry " + expectedSequence + " expected, entry " + sequence + " found"));
      }
      if (!chained.previousHash().equals(previous)) {
        return Optional.of(
            new BrokenLink(sequence, "does not follow the entry before it (removed or moved)"));
      }
      if (!chained.hash().equals(hash(previous, chained.entry()))) {
        return Optional.of(new BrokenLink(sequence, "content altered after it was recorded"));
      }
      previous = chained.hash();
      expectedSequence++;
    }
    return Optional.empty();
  }

  /**
   * Checks the chain, then each seal: its signature, and that the entry it seals is still there
   * with the same hash. A journal cut after its last sealed entry is found this way.
   *
   * @return empty when the chain and every seal hold
   */
  public static Optional<BrokenLink> firstBrokenLink(
      List<ChainedEntry> entries, List<JournalSeal> seals) {
    Optional<BrokenLink> broken = firstBrokenLink(entries);
    if (broken.isPresent()) {
      return broken;
    }
    for (JournalSeal seal : seals) {
      if (!seal.signatureValid()) {
        return Optional.of(
            new BrokenLink(seal.sequence(), "the officer's seal over this entry does not verify"));
      }
      if (seal.sequence() > entries.size()) {
        return Optional.of(
            new BrokenLink(
                entries.size() + 1L,
                "journal truncated: entry " + seal.sequence() + " was sealed and is gone"));
      }
      if (!entries.get((int) seal.sequence() - 1).hash().equals(seal.headHash())) {
        return Optional.of(
            new BrokenLink(seal.sequence(), "differs from the entry the officer sealed"));
      }
    }
    return Optional.empty();
  }

  private static String hash(String previousHash, JournalEntry entry) {
    ByteArrayOutputStream canonical = new ByteArrayOutputStream();
    writeField(canonical, previousHash);
    writeField(canonical, Long.toString(entry.sequence()));
    writeField(canonical, entry.recordedAt());
    writeField(canonical, entry.intervention());
    writeField(canonical, entry.event());
    writeField(canonical, entry.detail());
    return Fingerprints.sha256Hex(canonical.toByteArray());
  }

  // Length-prefixed fields: no two different entries share an encoding.
  private static void writeField(ByteArrayOutputStream out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }
}
