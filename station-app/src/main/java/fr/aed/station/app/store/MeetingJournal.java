package fr.aed.station.app.store;

import fr.aed.station.crypto.journal.JournalEntry;
import fr.aed.station.crypto.trust.SignerTrust;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One meeting's part of the journal: its entries in order (what a closed meeting shows as its
 * steps), and whether the journal holds up to its last entry.
 */
public final class MeetingJournal {

  private static final String ENTRIES =
      "SELECT seq, recorded_at, intervention, event, detail, previous_hash, hash FROM journal"
          + " WHERE intervention = ? ORDER BY seq";

  private static final String LAST = "SELECT MAX(seq) FROM journal WHERE intervention = ?";

  private final InterventionStore store;
  private final String interventionId;

  /** The journal of {@code interventionId} in {@code store}. */
  public MeetingJournal(InterventionStore store, String interventionId) {
    this.store = store;
    this.interventionId = interventionId;
  }

  /**
   * The meeting's entries, in the journal's order; empty for a meeting the journal does not name.
   *
   * @throws StoreException if the database cannot be read
   */
  public List<JournalEntry> entries() throws StoreException {
    Connection connection = store.connection();
    List<JournalEntry> entries = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(ENTRIES)) {
      select.setString(1, interventionId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          entries.add(JournalRows.entry(rows).entry());
        }
      }
      connection.commit();
      return entries;
    } catch (SQLException e) {
      throw StoreErrors.translate(store.file(), e);
    }
  }

  /**
   * The meeting's last entry, 0 when the journal does not name it.
   *
   * @throws StoreException if the database cannot be read
   */
  public long lastSequence() throws StoreException {
    Connection connection = store.connection();
    try (PreparedStatement select = connection.prepareStatement(LAST)) {
      select.setString(1, interventionId);
      long last;
      try (ResultSet row = select.executeQuery()) {
        last = row.next() ? row.getLong(1) : 0;
      }
      connection.commit();
      return last;
    } catch (SQLException e) {
      throw StoreErrors.translate(store.file(), e);
    }
  }

  /**
   * Verifies the journal from its start to the meeting's last entry (the chain and the seals over
   * it, their certificates judged with {@code trust}): whether the meeting's history holds,
   * whatever came after it. Nothing is verified for a meeting the journal does not name (0
   * entries).
   *
   * @throws StoreException if the database cannot be read
   */
  public JournalVerification.Outcome verify(SignerTrust trust) throws StoreException {
    long last = lastSequence();
    if (last == 0) {
      return new JournalVerification.Outcome(0, Optional.empty(), false, List.of());
    }
    return new JournalVerification(store, trust).verifyThrough(last);
  }
}
