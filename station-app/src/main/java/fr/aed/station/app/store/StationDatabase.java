package fr.aed.station.app.store;

import fr.aed.station.app.files.PrivateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/**
 * Opens the station's SQLite file: WAL journal, full synchronisation (a power cut loses no
 * committed step), write transactions taken at BEGIN, schema brought up to date by Flyway.
 */
final class StationDatabase {

  private static final int BUSY_TIMEOUT_MS = 2_000;

  private StationDatabase() {}

  /**
   * Opens the database file, creating and migrating it as needed.
   *
   * @throws StoreException if the file is locked, not a database, or from a newer station
   */
  static Connection open(Path file) throws StoreException {
    createParent(file);
    SQLiteDataSource dataSource = dataSource(file);
    // Flyway scans its migrations and loads hundreds of classes at each opening: a database already
    // at this station's schema is opened without it (the window opens the store at every screen).
    if (!atLatestSchema(dataSource)) {
      migrate(file, dataSource);
    }
    try {
      Connection connection = dataSource.getConnection();
      connection.setAutoCommit(false);
      return connection;
    } catch (SQLException e) {
      throw StoreErrors.translate(file, e);
    }
  }

  // The folder 0700 and the database 0600 before SQLite opens it: SQLite gives its -wal and -shm
  // files the database's mode, so personal data is never readable by other local users.
  /**
   * Opens the database file to read it only: nothing is created, migrated or written, so that an
   * auditor verifies a read-only copy of a data folder. A folder that cannot be written is opened
   * as immutable (no lock, no -shm file made).
   *
   * @throws StoreException if the file is missing, not a database, needs an upgrade, or is from a
   *     newer station
   */
  static Connection openReadOnly(Path file) throws StoreException {
    if (!Files.isRegularFile(file)) {
      throw new StoreException("no station database at " + file + ": check --data-dir", null);
    }
    if (sizeOf(file) == 0) {
      throw new StoreException(
          "the database "
              + file
              + " is empty (0 bytes): whatever it held, its journal included, is gone; restore it"
              + " from a copy, and verify it against a checkpoint kept elsewhere",
          null);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setOpenMode(SQLiteOpenMode.OPEN_URI);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    Path folder = file.toAbsolutePath().getParent();
    dataSource.setUrl(
        "jdbc:sqlite:"
            + file.toAbsolutePath().toUri()
            + (Files.isWritable(folder) ? "?mode=ro" : "?mode=ro&immutable=1"));
    Flyway flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .loggers("slf4j")
            .load();
    try {
      refuseNewerSchema(file, flyway);
      refuseOlderSchema(file, flyway);
      Connection connection = dataSource.getConnection();
      connection.setAutoCommit(false);
      return connection;
    } catch (FlywayException | SQLException e) {
      throw StoreErrors.translate(file, e);
    }
  }

  private static long sizeOf(Path file) throws StoreException {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      throw new StoreException("cannot read " + file + " (" + e.getMessage() + ")", e);
    }
  }

  private static void refuseOlderSchema(Path file, Flyway flyway) throws StoreException {
    MigrationInfo[] pending = flyway.info().pending();
    if (pending.length > 0) {
      throw new StoreException(
          "the database "
              + file
              + " was written by an older version of the station and needs an upgrade (schema "
              + pending[pending.length - 1].getVersion()
              + "), which a read-only opening does not make: open a writable copy with this"
              + " station once",
          null);
    }
  }

  private static void createParent(Path file) throws StoreException {
    Path parent = file.toAbsolutePath().getParent();
    try {
      PrivateFiles.createFolders(parent);
      PrivateFiles.createFileIfAbsent(file);
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Path own = Path.of(file + suffix);
        if (Files.isWritable(own)) {
          PrivateFiles.restrict(own);
        }
      }
    } catch (java.io.IOException e) {
      throw new StoreException(
          "cannot create the data directory " + parent + " (" + e.getMessage() + ")", e);
    }
  }

  private static SQLiteDataSource dataSource(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.enforceForeignKeys(true);
    // Erased personal data (purge, a record replaced) is overwritten on disk, not left in free
    // pages for anyone who reads the file.
    config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return dataSource;
  }

  private static void migrate(Path file, SQLiteDataSource dataSource) throws StoreException {
    Flyway flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .loggers("slf4j")
            .load();
    try {
      refuseNewerSchema(file, flyway);
      MigrateResult result = flyway.migrate();
      if (recordedBeforeCoverage(result.initialSchemaVersion)) {
        coverRecords(file, dataSource);
      }
    } catch (FlywayException e) {
      throw StoreErrors.translate(file, e);
    }
  }

  /** The newest migration this station ships (db/migration/V{n}__*.sql); a test keeps it so. */
  static final int LATEST_SCHEMA = 9;

  private static final String HISTORY =
      "SELECT COUNT(*), MAX(CAST(version AS INTEGER)), SUM(success = 0)"
          + " FROM flyway_schema_history WHERE version IS NOT NULL";

  // Every migration applied, each once and with success, none newer: nothing for Flyway to do.
  // A database without a history (new, foreign) or with anything else goes through Flyway.
  static boolean atLatestSchema(SQLiteDataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(HISTORY);
        ResultSet row = select.executeQuery()) {
      return row.next()
          && row.getInt(1) == LATEST_SCHEMA
          && row.getInt(2) == LATEST_SCHEMA
          && row.getInt(3) == 0;
    } catch (SQLException e) {
      return false;
    }
  }

  // Journal entries carry the digest of the record they change from schema 8 on.
  private static boolean recordedBeforeCoverage(String initialVersion) {
    return initialVersion != null && Integer.parseInt(initialVersion) < COVERED_FROM_SCHEMA;
  }

  private static final int COVERED_FROM_SCHEMA = 8;

  // Once, when a database from before schema 8 is upgraded: one entry per record, so that the
  // records as they stand are covered from now on (what they were before stays unproven).
  private static void coverRecords(Path file, SQLiteDataSource dataSource) throws StoreException {
    Instant now = Instant.now();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      List<String> ids = new ArrayList<>();
      try (PreparedStatement select =
              connection.prepareStatement("SELECT id FROM intervention ORDER BY started_at, id");
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
      for (String id : ids) {
        JournalRows.append(connection, id, "RECORD_COVERED", Map.of(), now);
      }
      JournalRows.append(connection, InterventionStore.STATION, "RECORDS_COVERED", Map.of(), now);
      connection.commit();
    } catch (SQLException e) {
      throw StoreErrors.translate(file, e);
    }
  }

  // Flyway ignores migrations it does not know by default; a newer station's file must not be
  // written by an older one.
  private static void refuseNewerSchema(Path file, Flyway flyway) throws StoreException {
    for (MigrationInfo applied : flyway.info().applied()) {
      MigrationState state = applied.getState();
      if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) {
        throw new StoreException(
            "the database "
                + file
                + " was written by a newer version of the station (schema "
                + applied.getVersion()
                + "): update the station, or use another --data-dir");
      }
    }
  }
}
