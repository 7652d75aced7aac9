package fr.aed.station.app.store;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.identity.NameFolding;
import fr.aed.station.crypto.DeviceKey;
import fr.aed.station.crypto.DeviceSigningException;
import fr.aed.station.crypto.Fingerprints;
import fr.aed.station.crypto.journal.BrokenLink;
import fr.aed.station.crypto.journal.ChainedEntry;
import fr.aed.station.crypto.journal.JournalSeal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record of every meeting and its journal, in one SQLite file. Each step is committed in one
 * transaction together with its journal event, so a crash loses nothing already recorded.
 */
public final class InterventionStore implements AutoCloseable {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The journal's name for events of the station itself rather than of one meeting. */
  public static final String STATION = "STATION";

  /** The journal event that records a seal of the journal's head. */
  public static final String SEALED = "JOURNAL_SEALED";

  private final Path file;
  private final Connection connection;

  private InterventionStore(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /**
   * Opens the store, creating or migrating the database file as needed.
   *
   * @throws StoreException if the file is locked, not a database, or from a newer station
   */
  public static InterventionStore open(Path databaseFile) throws StoreException {
    return new InterventionStore(databaseFile, StationDatabase.open(databaseFile));
  }

  /**
   * Opens the store to read it only (verification, listing): nothing created, migrated or written.
   *
   * @throws StoreException if the file is missing, not a database, or of another schema
   */
  public static InterventionStore openReadOnly(Path databaseFile) throws StoreException {
    return new InterventionStore(databaseFile, StationDatabase.openReadOnly(databaseFile));
  }

  /**
   * Opens the store to read what it holds: as usual where the data folder can be written (a
   * database from an older station is upgraded then), read-only where it cannot.
   *
   * @throws StoreException if the file is missing, not a database, or cannot be opened
   */
  public static InterventionStore openForReading(Path databaseFile) throws StoreException {
    Path folder = databaseFile.toAbsolutePath().getParent();
    return Files.isWritable(databaseFile) && Files.isWritable(folder)
        ? open(databaseFile)
        : openReadOnly(databaseFile);
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  /**
   * Records a new meeting for the enrollment, with its first journal event.
   *
   * @return the intervention's identifier
   * @throws StoreException if the database cannot be written
   */
  public String begin(Enrollment enrollment, String enrollmentJson, Instant at)
      throws StoreException {
    String id = "INT-" + DAY.format(at) + "-" + HexFormat.of().withUpperCase().formatHex(random4());
    String sql =
        "INSERT INTO intervention (id, dossier_id, holder_name, company_name, status, step,"
            + " started_at, updated_at, enrollment_json, holder_folded, company_folded,"
            + " identity_sealed, identity_recipient)"
            + " VALUES (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?)";
    X509Certificate recipient = new OfficerKeyring(this).sealingRecipient();
    SealedIdentity identity = SealedIdentity.split(enrollmentJson);
    byte[] sealed = OfficerKeyring.seal(identity.sealedPart(), recipient);
    inTransaction(
        () -> {
          try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, id);
            insert.setString(2, enrollment.dossier().id());
            insert.setString(3, enrollment.dossier().holder().fullName());
            insert.setString(4, enrollment.dossier().company().name());
            insert.setString(5, Step.DOSSIER_OPENED.name());
            insert.setString(6, at.toString());
            insert.setString(7, at.toString());
            insert.setString(8, identity.clearJson());
            insert.setString(9, NameFolding.folded(enrollment.dossier().holder().fullName()));
            insert.setString(10, NameFolding.folded(enrollment.dossier().company().name()));
            insert.setBytes(11, sealed);
            insert.setString(12, OfficerKeys.fingerprint(recipient));
            insert.executeUpdate();
          }
          JournalRows.append(
              connection,
              id,
              Step.DOSSIER_OPENED.name(),
              Map.of("dossier", enrollment.dossier().id()),
              at);
        });
    return id;
  }

  /**
   * Records that a meeting reached a step: the intervention's fields and the journal event, in one
   * transaction.
   *
   * @throws StoreException if the database cannot be written; nothing of the step is kept then
   */
  public void record(String interventionId, StepRecord step, Instant at) throws StoreException {
    inTransaction(
        () -> {
          InterventionRows.update(connection, interventionId, step, at);
          JournalRows.append(connection, interventionId, step.step().name(), step.detail(), at);
        });
  }

  /**
   * Records that a meeting was interrupted (card pulled, wrong PIN...): the journal keeps the
   * reason, the meeting stays open at the step it had reached, to be resumed.
   *
   * @throws StoreException if the database cannot be written
   */
  public void recordInterruption(String interventionId, String reason, Instant at)
      throws StoreException {
    inTransaction(
        () -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE intervention SET outcome_reason = ?, updated_at = ? WHERE id = ?")) {
            update.setString(1, reason);
            update.setString(2, at.toString());
            update.setString(3, interventionId);
            update.executeUpdate();
          }
          JournalRows.append(
              connection, interventionId, "INTERRUPTED", Map.of("reason", reason), at);
        });
  }

  /**
   * Journals an event of a meeting that does not move it to another step (resumed, token
   * changed...).
   *
   * @throws StoreException if the database cannot be written
   */
  public void note(String interventionId, String event, Map<String, String> detail, Instant at)
      throws StoreException {
    inTransaction(() -> JournalRows.append(connection, interventionId, event, detail, at));
  }

  /**
   * Records a later revision of a closed meeting's sheet (the holder's hand-signed scan, signed
   * again by the officer): the record's sheet digest and the journal event, in one transaction. The
   * meeting stays at its step.
   *
   * @throws StoreException if there is no such intervention or the database cannot be written
   */
  public void recordSheetRevision(
      String interventionId,
      String event,
      Map<String, String> detail,
      String sheetSha256,
      Instant at)
      throws StoreException {
    journaled(
        interventionId,
        event,
        detail,
        at,
        () -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE intervention SET sheet_sha256 = ?, updated_at = ? WHERE id = ?")) {
            update.setString(1, sheetSha256);
            update.setString(2, at.toString());
            update.setString(3, interventionId);
            if (update.executeUpdate() != 1) {
              throw new SQLException("no intervention " + interventionId);
            }
          }
        });
  }

  /** Finds an intervention by its identifier. */
  public Optional<InterventionSummary> find(String interventionId) throws StoreException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT * FROM intervention WHERE id = ?")) {
      select.setString(1, interventionId);
      try (ResultSet row = select.executeQuery()) {
        Optional<InterventionSummary> found =
            row.next() ? Optional.of(InterventionRows.summary(row)) : Optional.empty();
        connection.commit();
        return found;
      }
    } catch (SQLException e) {
      throw StoreErrors.translate(file, e);
    }
  }

  /** The state of an intervention, to resume it. */
  public Optional<InterventionState> state(String interventionId) throws StoreException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT * FROM intervention WHERE id = ?")) {
      select.setString(1, interventionId);
      try (ResultSet row = select.executeQuery()) {
        Optional<InterventionState> state =
            row.next() ? Optional.of(InterventionRows.state(row)) : Optional.empty();
        connection.commit();
        return state;
      }
    } catch (SQLException e) {
      throw StoreErrors.translate(file, e);
    }
  }

  /** The meetings held with the card of {@code serial}, the most recent first. */
  public List<String> meetingsOfCard(String serial) throws StoreException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id FROM intervention WHERE token_serial = ? ORDER BY started_at DESC, id")) {
      select.setString(1, serial);
      List<String> meetings = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          meetings.add(row.getString(1));
        }
      }
      connection.commit();
      return meetings;
    } catch (SQLException e) {
      throw StoreErrors.translate(file, e);
    }
  }

  /** Every intervention, the most recent first. */
  public List<InterventionSummary> list() throws StoreException {
    return search(InterventionSearch.latest(Integer.MAX_VALUE));
  }

  /** The interventions that match, the most recent first. */
  public List<InterventionSummary> search(InterventionSearch search) throws StoreException {
    SearchQuery query = SearchQuery.of(search);
    List<InterventionSummary> found = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(query.sql)) {
      for (int i = 0; i < query.parameters.size(); i++) {
        select.setObject(i + 1, query.parameters.get(i));
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(InterventionRows.summary(rows));
        }
      }
      connection.commit();
    } catch (SQLException e) {
      throw StoreErrors.translate(file, e);
    }
    return found;
  }

  /** The whole journal, in order. */
  public List<ChainedEntry> journal() throws StoreException {
    List<ChainedEntry> entries = new ArrayList<>();
    try (PreparedStatement select =
            connection.prepareStatement("SELECT * FROM journal ORDER BY seq");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        entries.add(JournalRows.entry(rows));
      }
      connection.commit();
    } catch (SQLException e) {
      throw StoreErrors.translate(file, e);
    }
    return entries;
  }

  // The head alone: sealing does not read a journal of millions of entries into memory.
  private ChainedEntry lastEntry() throws StoreException {
    try (PreparedStatement select =
            connection.prepareStatement("SELECT * FROM journal ORDER BY seq DESC LIMIT 1");
        ResultSet rows = select.executeQuery()) {
      if (!rows.next()) {
        throw new StoreException("the journal is empty: there is nothing to seal", null);
      }
      ChainedEntry head = JournalRows.entry(rows);
      connection.commit();
      return head;
    } catch (SQLException e) {
      throw StoreErrors.translate(file, e);
    }
  }

  /**
   * Recomputes the journal's chain and checks the officer's seals: empty when everything holds,
   * else the first broken link.
   */
  public Optional<BrokenLink> verifyJournal() throws StoreException {
    // Streamed: a journal of millions of entries is not loaded into memory to be checked.
    return new JournalVerification(this).verify().brokenLink();
  }

  /**
   * Whether entry {@code sequence} of the meeting is sealed by a seal made for that very entry, by
   * the card that sealed the meeting when it closed, over the chain as it stands (which holds): an
   * entry forged later in the journal's tail, or under a seal made for something else, is not.
   *
   * @throws StoreException if the database cannot be read
   */
  public boolean sealedByMeetingOfficer(String interventionId, long sequence)
      throws StoreException {
    if (verifyJournal().isPresent()) {
      return false;
    }
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT * FROM journal_seal WHERE intervention = ? ORDER BY sequence")) {
      select.setString(1, interventionId);
      List<JournalSeal> seals = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        for (Optional<JournalSeal> seal = JournalSeals.next(rows);
            seal.isPresent();
            seal = JournalSeals.next(rows)) {
          seals.add(seal.get());
        }
      }
      Optional<String> hash = storedHash(sequence);
      connection.commit();
      return !seals.isEmpty()
          && hash.isPresent()
          && seals.stream()
              .anyMatch(
                  seal ->
                      seal.sequence() == sequence
                          && seal.headHash().equals(hash.get())
                          && seal.signatureValid()
                          && java.util.Arrays.equals(
                              seal.certificate(), seals.get(0).certificate()));
    } catch (SQLException e) {
      throw StoreErrors.translate(file, e);
    }
  }

  private Optional<String> storedHash(long sequence) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT * FROM journal WHERE seq = ?")) {
      select.setLong(1, sequence);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(JournalRows.entry(rows).hash()) : Optional.empty();
      }
    }
  }

  /**
   * Whether the meeting's record is still the one its last journal entry describes: a record
   * changed behind the journal's back (the dossier, the request, the step) is not resumed.
   *
   * @throws StoreException if the database cannot be read
   */
  public boolean recordHolds(String interventionId) throws StoreException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT detail FROM journal WHERE intervention = ? ORDER BY seq DESC LIMIT 1")) {
      select.setString(1, interventionId);
      String recorded;
      try (ResultSet row = select.executeQuery()) {
        recorded = row.next() ? row.getString(1) : null;
      }
      Optional<String> current = RecordDigests.intervention(connection, interventionId);
      connection.commit();
      return recorded != null
          && current.isPresent()
          && recorded.contains("\"" + RecordDigests.ROW + "\":\"" + current.get() + "\"");
    } catch (SQLException e) {
      throw StoreErrors.translate(file, e);
    }
  }

  /**
   * Seals the journal's current head with the officer's key, for the intervention that closed.
   *
   * @throws StoreException if the database cannot be written
   * @throws DeviceSigningException if the officer's token cannot sign; nothing is written then
   */
  public JournalSeal sealJournal(
      String interventionId, DeviceKey officerKey, X509Certificate certificate, Instant at)
      throws StoreException, DeviceSigningException {
    JournalSeal seal = JournalSeal.seal(lastEntry(), at.toString(), officerKey, certificate);
    // The seal is journaled in turn: a seal row deleted later is missed by the journal.
    inTransaction(
        () -> {
          JournalSeals.insert(connection, interventionId, seal);
          JournalRows.append(
              connection,
              STATION,
              SEALED,
              Map.of(
                  "sequence", Long.toString(seal.sequence()),
                  "signatureSha256", Fingerprints.sha256Hex(seal.signature())),
              at);
        });
    return seal;
  }

  /**
   * Runs {@code work} and appends its journal event in one transaction, for the store's own
   * classes: both are kept, or neither.
   */
  /** The database file's errors, in the officer's words, for the store's own classes. */
  StoreException translate(Exception failure) {
    return StoreErrors.translate(file, failure);
  }

  void journaled(
      String interventionId, String event, Map<String, String> detail, Instant at, SqlWork work)
      throws StoreException {
    inTransaction(
        () -> {
          work.run();
          JournalRows.append(connection, interventionId, event, detail, at);
        });
  }

  /** The open connection, for the store's own classes; they commit or roll back what they do. */
  Connection connection() {
    return connection;
  }

  @Override
  public void close() {
    try {
      connection.rollback();
      connection.close();
    } catch (SQLException e) {
      // Closing after a failure: nothing uncommitted is worth keeping.
    }
  }

  private void inTransaction(SqlWork work) throws StoreException {
    try {
      work.run();
      connection.commit();
    } catch (SQLException e) {
      rollbackQuietly();
      throw StoreErrors.translate(file, e);
    }
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // The transaction failed already; the database discards it at close in any case.
    }
  }

  private static byte[] random4() {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** Database work that a transaction wraps. */
  @FunctionalInterface
  interface SqlWork {
    void run() throws SQLException;
  }
}
