package fr.aed.station.app.store;

import fr.aed.station.crypto.journal.BrokenLink;
import fr.aed.station.crypto.journal.ChainedEntry;
import fr.aed.station.crypto.journal.JournalChain;
import fr.aed.station.crypto.journal.JournalEntry;
import fr.aed.station.crypto.journal.JournalSeal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies the journal by reading it one row at a time, so that a journal of millions of entries is
 * checked in constant memory: the same checks, in the same order and with the same findings as
 * {@link JournalChain#firstBrokenLink(List, List)}, which needs the whole journal in a list.
 */
public final class JournalVerification {

  private static final int FETCH_SIZE = 10_000;

  private final InterventionStore store;

  /** Verifies the journal of {@code store}. */
  public JournalVerification(InterventionStore store) {
    this.store = store;
  }

  /**
   * The outcome of a verification.
   *
   * @param entries how many journal entries were read
   * @param brokenLink the first place where the journal does not hold, if any
   */
  public record Outcome(long entries, Optional<BrokenLink> brokenLink) {

    /** Whether every link and every seal holds. */
    public boolean intact() {
      return brokenLink.isEmpty();
    }
  }

  /**
   * Recomputes the hash chain, then checks each seal: its signature and that the entry it seals is
   * still there with the same hash.
   *
   * @throws StoreException if the database cannot be read
   */
  public Outcome verify() throws StoreException {
    Connection connection = store.connection();
    try {
      List<JournalSeal> seals = JournalSeals.read(connection, store.file());
      Map<Long, String> sealedHashes = new HashMap<>();
      seals.forEach(seal -> sealedHashes.put(seal.sequence(), null));
      Chain chain = new Chain(sealedHashes);
      Optional<BrokenLink> broken = chain.walk(connection);
      connection.commit();
      if (broken.isEmpty()) {
        broken = firstBrokenSeal(seals, chain.count, sealedHashes);
      }
      return new Outcome(chain.count, broken);
    } catch (SQLException e) {
      throw StoreErrors.translate(store.file(), e);
    }
  }

  private static Optional<BrokenLink> firstBrokenSeal(
      List<JournalSeal> seals, long entries, Map<Long, String> sealedHashes) {
    for (JournalSeal seal : seals) {
      if (!seal.signatureValid()) {
        return Optional.of(
            new BrokenLink(seal.sequence(), "the officer's seal over this entry does not verify"));
      }
      if (seal.sequence() > entries) {
        return Optional.of(
            new BrokenLink(
                entries + 1,
                "journal truncated: entry " + seal.sequence() + " was sealed and is gone"));
      }
      if (!seal.headHash().equals(sealedHashes.get(seal.sequence()))) {
        return Optional.of(
            new BrokenLink(seal.sequence(), "differs from the entry the officer sealed"));
      }
    }
    return Optional.empty();
  }

  /** The walk along the chain, keeping the hashes of the sealed entries as it passes them. */
  private static final class Chain {
    private final Map<Long, String> sealedHashes;
    private String previous = JournalChain.GENESIS;
    private long count;

    Chain(Map<Long, String> sealedHashes) {
      this.sealedHashes = sealedHashes;
    }

    Optional<BrokenLink> walk(Connection connection) throws SQLException {
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT seq, recorded_at, intervention, event, detail, previous_hash, hash"
                  + " FROM journal ORDER BY seq")) {
        select.setFetchSize(FETCH_SIZE);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            Optional<BrokenLink> broken = next(rows);
            if (broken.isPresent()) {
              return broken;
            }
          }
        }
      }
      return Optional.empty();
    }

    private Optional<BrokenLink> next(ResultSet row) throws SQLException {
      long expected = count + 1;
      JournalEntry entry =
          new JournalEntry(
              row.getLong(1),
              row.getString(2),
              row.getString(3),
              row.getString(4),
              row.getString(5));
      if (entry.sequence() != expected) {
        return Optional.of(
            new BrokenLink(
                expected, "entry " + expected + " expected, entry " + entry.sequence() + " found"));
      }
      if (!row.getString(6).equals(previous)) {
        return Optional.of(
            new BrokenLink(
                entry.sequence(), "does not follow the entry before it (removed or moved)"));
      }
      String hash = row.getString(7);
      ChainedEntry recomputed = JournalChain.append(previous, entry);
      if (!recomputed.hash().equals(hash)) {
        return Optional.of(
            new BrokenLink(entry.sequence(), "content altered after it was recorded"));
      }
      if (sealedHashes.containsKey(entry.sequence())) {
        sealedHashes.put(entry.sequence(), hash);
      }
      previous = hash;
      count = expected;
      return Optional.empty();
    }
  }
}
