package fr.aed.station.app.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What the store says about a sheet: the meeting's recorded request, key and sheet, the meetings
 * whose sheet is a given file, and what the journal recorded of the sheet's signature.
 */
public final class SheetRecords {

  /**
   * The journal event of a closed meeting's sheet signed again by the officer, once the holder's
   * hand-signed scan was added to it.
   */
  public static final String HOLDER_SCAN_SIGNED = "HOLDER_SCAN_SIGNED";

  /**
   * The journal event of a closed meeting's sheet signed again by the officer, once the certificate
   * installed on the holder's card was added to it.
   */
  public static final String CERTIFICATE_ADDED = "SHEET_CERTIFICATE_ADDED";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final InterventionStore store;

  public SheetRecords(InterventionStore store) {
    this.store = store;
  }

  /**
   * A meeting's recorded request, key and sheet.
   *
   * @param id the intervention
   * @param csrSha256 SHA-256 of the DER request, hex
   * @param csrPem the request, PEM
   * @param publicKeySha256 SHA-256 of the holder's public key (SubjectPublicKeyInfo), hex
   * @param sheetPath where the sheet was written
   * @param sheetSha256 SHA-256 of the sheet as last written
   */
  public record Recorded(
      String id,
      String csrSha256,
      String csrPem,
      String publicKeySha256,
      String sheetPath,
      String sheetSha256) {}

  /**
   * What the journal says of a meeting's signed sheet.
   *
   * @param entries how many journal entries the meeting has
   * @param sheetSignedSequence the entry that recorded the sheet's signature, 0 when none
   * @param sheetSha256 the signed sheet's SHA-256 that entry recorded, or null
   * @param sealSequence the first seal at or after that entry, if any
   */
  public record Journaled(
      long entries, long sheetSignedSequence, String sheetSha256, OptionalLong sealSequence) {}

  /**
   * The meeting's record.
   *
   * @throws StoreException if the database cannot be read
   */
  public Optional<Recorded> recorded(String interventionId) throws StoreException {
    try (PreparedStatement select =
        store
            .connection()
            .prepareStatement(
                "SELECT id, csr_sha256, csr_pem, public_key_sha256, sheet_path, sheet_sha256"
                    + " FROM intervention WHERE id = ?")) {
      select.setString(1, interventionId);
      try (ResultSet row = select.executeQuery()) {
        Optional<Recorded> found =
            row.next()
                ? Optional.of(
                    new Recorded(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6)))
                : Optional.empty();
        store.connection().commit();
        return found;
      }
    } catch (SQLException e) {
      throw store.translate(e);
    }
  }

  /**
   * The meetings whose recorded sheet is {@code file} (by its absolute and its real path).
   *
   * @throws StoreException if the database cannot be read
   */
  public List<String> meetingsWhoseSheetIs(Path file) throws StoreException {
    Set<String> names = new LinkedHashSet<>();
    names.add(file.toAbsolutePath().normalize().toString());
    try {
      names.add(file.toRealPath().toString());
    } catch (IOException e) {
      // A file that is not there has no real path: its absolute one is enough.
    }
    List<String> ids = new ArrayList<>();
    try (PreparedStatement select =
        store
            .connection()
            .prepareStatement("SELECT id FROM intervention WHERE sheet_path = ? ORDER BY id")) {
      for (String name : names) {
        select.setString(1, name);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            if (!ids.contains(rows.getString(1))) {
              ids.add(rows.getString(1));
            }
          }
        }
      }
      store.connection().commit();
    } catch (SQLException e) {
      throw store.translate(e);
    }
    return ids;
  }

  /**
   * What the journal recorded of the meeting's last sheet signature (the meeting's, or the one over
   * the holder's scan or the certificate added later), and the seal that covers it.
   *
   * @throws StoreException if the database cannot be read
   */
  public Journaled journaled(String interventionId) throws StoreException {
    try {
      long entries = count(interventionId);
      long sequence = 0;
      String sheetSha256 = null;
      try (PreparedStatement select =
          store
              .connection()
              .prepareStatement(
                  "SELECT seq, detail FROM journal WHERE intervention = ? AND event IN (?, ?, ?)"
                      + " ORDER BY seq DESC LIMIT 1")) {
        select.setString(1, interventionId);
        select.setString(2, Step.SHEET_SIGNED.name());
        select.setString(3, HOLDER_SCAN_SIGNED);
        select.setString(4, CERTIFICATE_ADDED);
        try (ResultSet row = select.executeQuery()) {
          if (row.next()) {
            sequence = row.getLong(1);
            sheetSha256 = sheetSha256(row.getString(2));
          }
        }
      }
      OptionalLong seal = sequence == 0 ? OptionalLong.empty() : sealAtOrAfter(sequence);
      store.connection().commit();
      return new Journaled(entries, sequence, sheetSha256, seal);
    } catch (SQLException e) {
      throw store.translate(e);
    }
  }

  /**
   * The first seal over the journal at or after entry {@code sequence}, if any (its signature is
   * checked by journal verification, not here).
   *
   * @throws StoreException if the database cannot be read
   */
  public OptionalLong sealCovering(long sequence) throws StoreException {
    try {
      OptionalLong seal = sealAtOrAfter(sequence);
      store.connection().commit();
      return seal;
    } catch (SQLException e) {
      throw store.translate(e);
    }
  }

  private long count(String interventionId) throws SQLException {
    try (PreparedStatement select =
        store
            .connection()
            .prepareStatement("SELECT count(*) FROM journal WHERE intervention = ?")) {
      select.setString(1, interventionId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getLong(1) : 0;
      }
    }
  }

  private OptionalLong sealAtOrAfter(long sequence) throws SQLException {
    try (PreparedStatement select =
        store
            .connection()
            .prepareStatement("SELECT min(sequence) FROM journal_seal WHERE sequence >= ?")) {
      select.setLong(1, sequence);
      try (ResultSet row = select.executeQuery()) {
        long found = row.next() ? row.getLong(1) : 0;
        return row.wasNull() || found == 0 ? OptionalLong.empty() : OptionalLong.of(found);
      }
    }
  }

  private static String sheetSha256(String detail) {
    try {
      JsonNode node = JSON.readTree(detail);
      return node.path("sheetSha256").textValue();
    } catch (IOException e) {
      return null;
    }
  }
}
