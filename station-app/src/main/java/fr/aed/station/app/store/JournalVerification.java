package fr.aed.station.app.store;

import fr.aed.station.crypto.journal.BrokenLink;
import fr.aed.station.crypto.journal.JournalVerifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Verifies the journal by reading it one row at a time through crypto's {@link JournalVerifier}, so
 * that a journal of millions of entries is checked in bounded memory.
 */
public final class JournalVerification {

  private static final String ROWS =
      "SELECT seq, recorded_at, intervention, event, detail, previous_hash, hash FROM journal"
          + " ORDER BY seq";

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
    try {
      JournalVerifier verifier = new JournalVerifier(JournalSeals.read(connection, store.file()));
      Optional<BrokenLink> broken = walk(connection, verifier);
      if (broken.isEmpty()) {
        broken = verifier.finish();
      }
      if (broken.isEmpty()) {
        broken = RecordVerification.firstBadRecord(connection);
      }
      connection.commit();
      return new Outcome(verifier.entries(), broken);
    } catch (SQLException e) {
      throw StoreErrors.translate(store.file(), e);
    }
  }

  private static Optional<BrokenLink> walk(Connection connection, JournalVerifier verifier)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(ROWS);
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        Optional<BrokenLink> broken = verifier.accept(JournalRows.entry(rows));
        if (broken.isPresent()) {
          return broken;
        }
      }
    }
    return Optional.empty();
  }
}
