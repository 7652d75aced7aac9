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
    return firstBrokenLink(entries, List.of());
  }

  /**
   * Checks the chain, then each seal (see {@link JournalVerifier}).
   *
   * @return empty when the chain and every seal hold
   */
  public static Optional<BrokenLink> firstBrokenLink(
      List<ChainedEntry> entries, List<JournalSeal> seals) {
    JournalVerifier verifier = new JournalVerifier(seals);
    for (ChainedEntry entry : entries) {
      Optional<BrokenLink> broken = verifier.accept(entry);
      if (broken.isPresent()) {
        return broken;
      }
    }
    return verifier.finish();
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
