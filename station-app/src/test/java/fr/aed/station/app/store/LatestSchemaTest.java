package fr.aed.station.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * The opening that skips Flyway: only for a database at the newest schema this station ships, which
 * the constant must name.
 */
class LatestSchemaTest {

  private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");

  @TempDir Path dir;

  @Test
  void theConstantNamesTheNewestMigrationShipped() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      int newest =
          files
              .map(f -> MIGRATION.matcher(f.getFileName().toString()))
              .filter(Matcher::matches)
              .mapToInt(m -> Integer.parseInt(m.group(1)))
              .max()
              .orElseThrow();
      assertEquals(newest, StationDatabase.LATEST_SCHEMA);
    }
  }

  @Test
  void onlyAFullyMigratedDatabaseIsAtTheLatestSchema() throws Exception {
    Path db = dir.resolve("station.db");
    SQLiteDataSource source = new SQLiteDataSource();
    source.setUrl("jdbc:sqlite:" + db);
    assertFalse(StationDatabase.atLatestSchema(source), "a new file");

    Flyway.configure()
        .dataSource(source)
        .locations("classpath:db/migration")
        .target(String.valueOf(StationDatabase.LATEST_SCHEMA - 1))
        .load()
        .migrate();
    assertFalse(StationDatabase.atLatestSchema(source), "one migration behind");

    InterventionStore.open(db).close();
    assertTrue(StationDatabase.atLatestSchema(source));

    try (Connection raw = source.getConnection();
        Statement sql = raw.createStatement()) {
      sql.execute(
          "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
              + " installed_by, execution_time, success) VALUES (99, '"
              + (StationDatabase.LATEST_SCHEMA + 1)
              + "', 'newer', 'SQL', 'V99.sql', 'x', 0, 1)");
    }
    assertFalse(StationDatabase.atLatestSchema(source), "written by a newer station");
  }
}
