package fr.aed.station.app.store;

import fr.aed.station.crypto.journal.JournalSeal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The journal_seal table. */
final class JournalSeals {

  private JournalSeals() {}

  static void insert(Connection connection, String interventionId, JournalSeal seal)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO journal_seal (sequence, intervention, head_hash, sealed_at, signature,"
                + " certificate) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, seal.sequence());
      insert.setString(2, interventionId);
      insert.setString(3, seal.headHash());
      insert.setString(4, seal.sealedAt());
      insert.setBytes(5, seal.signature());
      insert.setBytes(6, seal.certificate());
      insert.executeUpdate();
    }
  }

  /** The largest certificate a seal row may hold: an officer's certificate is a few kilobytes. */
  static final int MAX_CERTIFICATE_BYTES = 16 * 1024;

  /**
   * The next seal of a result over the seal's columns, or empty at its end; a seal row holding more
   * than a certificate is read as one whose signature does not verify.
   */
  static Optional<JournalSeal> next(ResultSet rows) throws SQLException {
    if (!rows.next()) {
      return Optional.empty();
    }
    byte[] certificate = rows.getBytes("certificate");
    byte[] signature = rows.getBytes("signature");
    return Optional.of(
        new JournalSeal(
            rows.getLong("sequence"),
            String.valueOf(rows.getString("head_hash")),
            String.valueOf(rows.getString("sealed_at")),
            signature == null ? new byte[0] : signature,
            certificate == null || certificate.length > MAX_CERTIFICATE_BYTES
                ? new byte[0]
                : certificate));
  }
}
