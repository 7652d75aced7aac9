package fr.aed.station.app.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aed.station.crypto.Fingerprints;
import fr.aed.station.crypto.journal.BrokenLink;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Checks the records against the journal, once the journal's chain holds: each meeting's row must
 * be the one its last journal entry describes (same digest), each meeting of the journal must still
 * have its row, and the officer's registration must be the one the station's last entry describes.
 * Streamed: one row at a time, whatever the number of meetings.
 */
final class RecordVerification {

  private static final ObjectMapper JSON = new ObjectMapper();

  // One look-up of each meeting's last entry (the journal's index by meeting); its number is read
  // again only to name a record that fails.
  private static final String ROWS_AND_LAST_ENTRIES =
      "SELECT "
          + RecordDigests.COLUMNS
          + ", (SELECT detail FROM journal j WHERE j.intervention = i.id ORDER BY seq DESC LIMIT 1)"
          + " AS last_detail"
          + " FROM intervention i";

  private static final String LAST_ENTRY_OF = "SELECT MAX(seq) FROM journal WHERE intervention = ?";

  private static final String MEETINGS_WITHOUT_ROW =
      "SELECT intervention, MIN(seq) FROM journal j WHERE intervention <> ? AND NOT EXISTS"
          + " (SELECT 1 FROM intervention i WHERE i.id = j.intervention)"
          + " GROUP BY intervention ORDER BY MIN(seq) LIMIT 1";

  private static final String LAST_STATION_ENTRY =
      "SELECT seq, detail FROM journal WHERE intervention = ? ORDER BY seq DESC LIMIT 1";

  private static final String OFFICERS_RECORDED =
      "SELECT (SELECT COUNT(*) FROM officer_profile) + (SELECT COUNT(*) FROM officer_key)";

  private RecordVerification() {}

  /** The first record that does not hold, if any. */
  static Optional<BrokenLink> firstBadRecord(Connection connection) throws SQLException {
    Optional<BrokenLink> broken = rows(connection);
    if (broken.isEmpty()) {
      broken = deletedRows(connection);
    }
    if (broken.isEmpty()) {
      broken = officers(connection);
    }
    if (broken.isEmpty()) {
      broken = seals(connection);
    }
    return broken;
  }

  private static final String SEAL_EVENTS =
      "SELECT j.seq, j.detail, s.signature FROM journal j LEFT JOIN journal_seal s"
          + " ON s.sequence = CAST(json_extract(j.detail, '$.sequence') AS INTEGER)"
          + " WHERE j.intervention = ? AND j.event = ? ORDER BY j.seq";

  // Each seal the journal recorded is still there, the same. What came after the last seal (a
  // crash between a meeting's close and its seal, the card failing) is said by the verifier, and
  // vouched for by a checkpoint only.
  private static Optional<BrokenLink> seals(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(SEAL_EVENTS)) {
      select.setString(1, InterventionStore.STATION);
      select.setString(2, InterventionStore.SEALED);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          byte[] signature = row.getBytes("signature");
          Optional<String> recorded = digest(row.getString("detail"), "signatureSha256");
          if (signature == null
              || recorded.isEmpty()
              || !recorded.get().equals(Fingerprints.sha256Hex(signature))) {
            return broken(
                row.getLong("seq"), "the seal this entry recorded is gone or was replaced");
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<BrokenLink> rows(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(ROWS_AND_LAST_ENTRIES);
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        String id = row.getString("id");
        String detail = row.getString("last_detail");
        if (detail == null) {
          return broken(0, "the record of " + id + " is in no journal entry (added behind it)");
        }
        Optional<String> recorded = digest(detail, RecordDigests.ROW);
        if (recorded.isEmpty()) {
          return broken(
              lastEntryOf(connection, id),
              "the record of " + id + " is not covered by the journal");
        }
        if (!recorded.get().equals(RecordDigests.intervention(row))) {
          return broken(
              lastEntryOf(connection, id),
              "the record of " + id + " differs from what this entry recorded (edited behind it)");
        }
      }
    }
    return Optional.empty();
  }

  private static long lastEntryOf(Connection connection, String id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(LAST_ENTRY_OF)) {
      select.setString(1, id);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getLong(1) : 0;
      }
    }
  }

  private static Optional<BrokenLink> deletedRows(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(MEETINGS_WITHOUT_ROW)) {
      select.setString(1, InterventionStore.STATION);
      try (ResultSet row = select.executeQuery()) {
        if (row.next()) {
          return broken(row.getLong(2), "the record of " + row.getString(1) + " is gone (deleted)");
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<BrokenLink> officers(Connection connection) throws SQLException {
    String current = RecordDigests.officers(connection);
    try (PreparedStatement select = connection.prepareStatement(LAST_STATION_ENTRY)) {
      select.setString(1, InterventionStore.STATION);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return registered(connection)
              ? broken(0, "the officer's registration is in no journal entry (added behind it)")
              : Optional.empty();
        }
        Optional<String> recorded = digest(row.getString("detail"), RecordDigests.OFFICERS);
        if (recorded.isEmpty() || !recorded.get().equals(current)) {
          return broken(
              row.getLong("seq"),
              "the officer's registration differs from what this entry recorded (edited behind"
                  + " it)");
        }
      }
    }
    return Optional.empty();
  }

  private static boolean registered(Connection connection) throws SQLException {
    try (PreparedStatement count = connection.prepareStatement(OFFICERS_RECORDED);
        ResultSet row = count.executeQuery()) {
      return row.next() && row.getLong(1) > 0;
    }
  }

  private static Optional<String> digest(String detail, String key) {
    try {
      JsonNode node = JSON.readTree(detail).get(key);
      return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<BrokenLink> broken(long sequence, String reason) {
    return Optional.of(new BrokenLink(sequence, reason));
  }
}
