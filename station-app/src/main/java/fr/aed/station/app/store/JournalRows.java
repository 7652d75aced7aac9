package fr.aed.station.app.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.aed.station.crypto.journal.ChainedEntry;
import fr.aed.station.crypto.journal.JournalChain;
import fr.aed.station.crypto.journal.JournalEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** The journal table: appending a chained entry, reading one back. */
final class JournalRows {

  private static final ObjectMapper CANONICAL =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private JournalRows() {}

  /**
   * Chains and appends an event after the journal's last entry, in the caller's transaction, with
   * the digest of the record the event changed (the meeting's row, or the officer's registration
   * for the station's own events), taken after the change.
   */
  static void append(
      Connection connection,
      String intervention,
      String event,
      Map<String, String> eventDetail,
      Instant at)
      throws SQLException {
    Map<String, String> detail = new TreeMap<>(eventDetail);
    if (intervention.equals(InterventionStore.STATION)) {
      detail.put(RecordDigests.OFFICERS, RecordDigests.officers(connection));
    } else {
      RecordDigests.intervention(connection, intervention)
          .ifPresent(digest -> detail.put(RecordDigests.ROW, digest));
    }
    long sequence = 1;
    String previous = JournalChain.GENESIS;
    try (PreparedStatement last =
            connection.prepareStatement("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1");
        ResultSet row = last.executeQuery()) {
      if (row.next()) {
        sequence = row.getLong(1) + 1;
        previous = row.getString(2);
      }
    }
    insert(
        connection,
        JournalChain.append(
            previous,
            new JournalEntry(sequence, at.toString(), intervention, event, canonical(detail))));
  }

  static void insert(Connection connection, ChainedEntry chained) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO journal (seq, recorded_at, intervention, event, detail, previous_hash,"
                + " hash) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      JournalEntry entry = chained.entry();
      insert.setLong(1, entry.sequence());
      insert.setString(2, entry.recordedAt());
      insert.setString(3, entry.intervention());
      insert.setString(4, entry.event());
      insert.setString(5, entry.detail());
      insert.setString(6, chained.previousHash());
      insert.setString(7, chained.hash());
      insert.executeUpdate();
    }
  }

  /** The entry on the current row of a result over the journal's columns. */
  static ChainedEntry entry(ResultSet row) throws SQLException {
    JournalEntry entry =
        new JournalEntry(
            row.getLong("seq"),
            row.getString("recorded_at"),
            row.getString("intervention"),
            row.getString("event"),
            row.getString("detail"));
    return new ChainedEntry(entry, row.getString("previous_hash"), row.getString("hash"));
  }

  /** A journal detail as canonical JSON: keys sorted, so the same detail hashes the same. */
  static String canonical(Map<String, String> detail) {
    try {
      return CANONICAL.writeValueAsString(new TreeMap<>(detail));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings always serialises", e);
    }
  }
}
