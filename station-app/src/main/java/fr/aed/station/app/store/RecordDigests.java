package fr.aed.station.app.store;

import fr.aed.station.crypto.Fingerprints;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Digests of what the journal covers besides its own entries: a meeting's row, and the officer's
 * registration (profile and card certificates). Every journal entry carries the digest of the
 * record it changed, taken in the same transaction, so that verification finds any record edited,
 * inserted or deleted behind the journal's back. A digest, not the data: a purge erases the data
 * and journals the new digest, the chain stays verifiable.
 */
final class RecordDigests {

  /** The detail key of a meeting row's digest. */
  static final String ROW = "row";

  /** The detail key of the officer registration's digest, on the station's own entries. */
  static final String OFFICERS = "officers";

  // Every column of the row, in a fixed order: a column added later needs a new version.
  private static final List<String> INTERVENTION_COLUMNS =
      List.of(
          "id",
          "dossier_id",
          "holder_name",
          "company_name",
          "status",
          "step",
          "started_at",
          "updated_at",
          "enrollment_json",
          "token_backend",
          "token_model",
          "token_serial",
          "key_algorithm",
          "key_evidence",
          "public_key_sha256",
          "csr_sha256",
          "csr_pem",
          "sheet_path",
          "sheet_sha256",
          "outcome_reason",
          "holder_folded",
          "company_folded",
          "ended_at",
          "purged_at",
          "identity_sealed",
          "identity_recipient",
          "key_attestation",
          "pin_chosen_at");

  /** The columns a row's digest covers, for a query that selects them first. */
  static final String COLUMNS = String.join(", ", INTERVENTION_COLUMNS);

  private static final String INTERVENTION =
      "SELECT " + COLUMNS + " FROM intervention WHERE id = ?";

  private static final String PROFILE =
      "SELECT id, name, office, address, aed_identifier, credential, updated_at"
          + " FROM officer_profile ORDER BY id";

  private static final String KEYS =
      "SELECT fingerprint, subject, certificate, registered_at FROM officer_key"
          + " ORDER BY fingerprint";

  private RecordDigests() {}

  /** The digest of the meeting's row, or empty when there is no such row. */
  static Optional<String> intervention(Connection connection, String id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(INTERVENTION)) {
      select.setString(1, id);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(intervention(row)) : Optional.empty();
      }
    }
  }

  /**
   * The digest of the meeting's row on the current row of a query that selects {@link #COLUMNS}
   * first.
   */
  static String intervention(ResultSet row) throws SQLException {
    Object[] values = new Object[INTERVENTION_COLUMNS.size()];
    for (int column = 0; column < values.length; column++) {
      values[column] = row.getObject(column + 1);
    }
    return intervention(values);
  }

  /**
   * The digest of a meeting's row from its values, in the order of {@link #columns()} (text, bytes
   * or null).
   */
  static String intervention(Object... values) {
    ByteArrayOutputStream canonical = new ByteArrayOutputStream();
    write(canonical, "intervention-v1".getBytes(StandardCharsets.UTF_8));
    for (Object value : values) {
      writeValue(canonical, value);
    }
    return Fingerprints.sha256Hex(canonical.toByteArray());
  }

  /** The columns a row's digest covers, in order. */
  static List<String> columns() {
    return INTERVENTION_COLUMNS;
  }

  /** The digest of the officer's registration: the profile and every registered certificate. */
  static String officers(Connection connection) throws SQLException {
    ByteArrayOutputStream canonical = new ByteArrayOutputStream();
    write(canonical, "officers-v1".getBytes(StandardCharsets.UTF_8));
    for (String query : List.of(PROFILE, KEYS)) {
      try (PreparedStatement select = connection.prepareStatement(query);
          ResultSet rows = select.executeQuery()) {
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          write(canonical, new byte[] {'|'});
          writeColumns(rows, columns, canonical);
        }
      }
      write(canonical, new byte[] {'#'});
    }
    return Fingerprints.sha256Hex(canonical.toByteArray());
  }

  private static void writeColumns(ResultSet row, int columns, ByteArrayOutputStream out)
      throws SQLException {
    for (int column = 1; column <= columns; column++) {
      writeValue(out, row.getObject(column));
    }
  }

  private static void writeValue(ByteArrayOutputStream out, Object value) {
    if (value == null) {
      out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
    } else if (value instanceof byte[] bytes) {
      write(out, bytes);
    } else {
      write(out, value.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  // Length-prefixed: no two different records share an encoding.
  private static void write(ByteArrayOutputStream out, byte[] bytes) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }
}
