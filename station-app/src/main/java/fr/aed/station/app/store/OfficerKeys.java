package fr.aed.station.app.store;

import fr.aed.station.crypto.Fingerprints;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The officer_key table: the key-management certificates identities are sealed for. */
final class OfficerKeys {

  private OfficerKeys() {}

  /** Whether the certificate was not known and has been added. */
  static boolean register(Connection connection, X509Certificate certificate, Instant at)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT OR IGNORE INTO officer_key (fingerprint, subject, certificate, registered_at)"
                + " VALUES (?, ?, ?, ?)")) {
      insert.setString(1, fingerprint(certificate));
      insert.setString(2, certificate.getSubjectX500Principal().getName());
      insert.setBytes(3, encoded(certificate));
      insert.setString(4, at.toString());
      return insert.executeUpdate() == 1;
    }
  }

  /** The certificate registered last. */
  static Optional<X509Certificate> latest(Connection connection) throws SQLException {
    return one(connection, "SELECT certificate FROM officer_key ORDER BY rowid DESC LIMIT 1", null);
  }

  /** The registered certificate with this fingerprint. */
  static Optional<X509Certificate> byFingerprint(Connection connection, String fingerprint)
      throws SQLException {
    return one(
        connection, "SELECT certificate FROM officer_key WHERE fingerprint = ?", fingerprint);
  }

  static String fingerprint(X509Certificate certificate) {
    return Fingerprints.sha256Hex(encoded(certificate));
  }

  private static Optional<X509Certificate> one(Connection connection, String sql, String key)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      if (key != null) {
        select.setString(1, key);
      }
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(decoded(row.getBytes(1))) : Optional.empty();
      }
    }
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("the certificate cannot be encoded", e);
    }
  }

  private static X509Certificate decoded(byte[] der) throws SQLException {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new SQLException("a registered officer's certificate is damaged", e);
    }
  }
}
