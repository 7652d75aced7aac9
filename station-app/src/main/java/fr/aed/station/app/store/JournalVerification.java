package fr.aed.station.app.store;

import fr.aed.station.crypto.journal.BrokenLink;
import fr.aed.station.crypto.journal.JournalChain;
import fr.aed.station.crypto.journal.JournalEntry;
import fr.aed.station.crypto.journal.JournalSeal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Verifies the journal by reading it one row at a time, so that a journal of millions of entries is
 * checked in bounded memory, with the same findings, in the same order, as {@link
 * JournalChain#firstBrokenLink(List, List)}, which needs the whole journal in a list.
 *
 * <p>The links (sequence, previous hash) are checked as rows are read; the hashes, which each
 * depend only on their own row, are recomputed in batches on the other processors meanwhile.
 */
public final class JournalVerification {

  private static final int BATCH = 4_096;
  private static final int WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());
  private static final int IN_FLIGHT = 2 * WORKERS;

  private final InterventionStore store;

  /** Verifies the journal of {@code store}. */
  public JournalVerification(InterventionStore store) {
    this.store = store;
  }

  /**
   * The outcome of a verification.
   *
   * @param entries how many journal entries were read (all of them when intact)
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
    ExecutorService hashing = Executors.newFixedThreadPool(WORKERS, JournalVerification::daemon);
    try {
      List<JournalSeal> seals = JournalSeals.read(connection, store.file());
      Map<Long, String> sealedHashes = new HashMap<>();
      seals.forEach(seal -> sealedHashes.put(seal.sequence(), null));
      Walk walk = new Walk(sealedHashes, hashing);
      Optional<BrokenLink> broken = walk.along(connection);
      connection.commit();
      if (broken.isEmpty()) {
        broken = firstBrokenSeal(seals, walk.count, sealedHashes);
      }
      return new Outcome(walk.count, broken);
    } catch (SQLException e) {
      throw StoreErrors.translate(store.file(), e);
    } finally {
      hashing.shutdownNow();
    }
  }

  private static Thread daemon(Runnable work) {
    Thread thread = new Thread(work, "journal-verification");
    thread.setDaemon(true);
    return thread;
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

  /** A row as stored: the entry and its two hashes. */
  private record Row(JournalEntry entry, String previousHash, String hash) {}

  /** The first row of a batch whose stored hash is not its content's. */
  private static Optional<BrokenLink> firstAltered(List<Row> batch) {
    for (Row row : batch) {
      if (!JournalChain.append(row.previousHash(), row.entry()).hash().equals(row.hash())) {
        return Optional.of(
            new BrokenLink(row.entry().sequence(), "content altered after it was recorded"));
      }
    }
    return Optional.empty();
  }

  /**
   * The walk along the chain: links checked in order, hashes handed out in batches, the hashes of
   * sealed entries kept as it passes them.
   */
  private static final class Walk {
    private final Map<Long, String> sealedHashes;
    private final ExecutorService hashing;
    private final Deque<Future<Optional<BrokenLink>>> pending = new ArrayDeque<>();
    private List<Row> batch = new ArrayList<>(BATCH);
    private String previous = JournalChain.GENESIS;
    private long count;

    Walk(Map<Long, String> sealedHashes, ExecutorService hashing) {
      this.sealedHashes = sealedHashes;
      this.hashing = hashing;
    }

    /** The first broken link; an altered entry before a broken link is reported first. */
    Optional<BrokenLink> along(Connection connection) throws SQLException {
      Optional<BrokenLink> link = Optional.empty();
      try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT seq, recorded_at, intervention, event, detail, previous_hash, hash"
                      + " FROM journal ORDER BY seq");
          ResultSet rows = select.executeQuery()) {
        while (link.isEmpty() && rows.next()) {
          link = next(rows);
          if (pending.size() > IN_FLIGHT) {
            Optional<BrokenLink> altered = await(pending.removeFirst());
            if (altered.isPresent()) {
              return altered;
            }
          }
        }
      }
      submit();
      while (!pending.isEmpty()) {
        Optional<BrokenLink> altered = await(pending.removeFirst());
        if (altered.isPresent()) {
          return altered;
        }
      }
      return link;
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
      batch.add(new Row(entry, previous, hash));
      if (batch.size() == BATCH) {
        submit();
      }
      if (sealedHashes.containsKey(entry.sequence())) {
        sealedHashes.put(entry.sequence(), hash);
      }
      previous = hash;
      count = expected;
      return Optional.empty();
    }

    private void submit() {
      if (!batch.isEmpty()) {
        List<Row> full = batch;
        pending.addLast(hashing.submit(() -> firstAltered(full)));
        batch = new ArrayList<>(BATCH);
      }
    }

    private static Optional<BrokenLink> await(Future<Optional<BrokenLink>> result) {
      try {
        return result.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("recomputing the journal's hashes failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while verifying the journal", e);
      }
    }
  }
}
