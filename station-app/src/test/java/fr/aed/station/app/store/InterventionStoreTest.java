package fr.aed.station.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.crypto.journal.BrokenLink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterventionStoreTest {

  private static final Instant AT = Instant.parse("2026-11-24T09:30:00Z");

  @TempDir Path dir;

  private final Enrollment sample = SampleEnrollment.at(LocalDateTime.of(2026, 11, 24, 10, 30));

  private String begin(InterventionStore store) throws StoreException {
    TestOfficerKey.register(store);
    return store.begin(sample, EnrollmentFile.toJson(sample), AT);
  }

  @Test
  void stepsAreRecordedWithTheirJournalAndSurviveReopening() throws Exception {
    Path db = dir.resolve("station.db");
    String id;
    try (InterventionStore store = InterventionStore.open(db)) {
      id = begin(store);
      store.record(
          id,
          new StepRecord(
              Step.REQUEST_BUILT,
              Map.of("csrSha256", "ab"),
              Map.of(InterventionField.CSR_SHA256, "ab")),
          AT.plusSeconds(1));
    }
    try (InterventionStore store = InterventionStore.open(db)) {
      InterventionSummary found = store.find(id).orElseThrow();
      assertEquals("REQUEST_BUILT", found.step());
      assertEquals("OPEN", found.status());
      assertEquals("ab", found.csrSha256());
      assertEquals("Élodie Lefèvre-Dubois", found.holderName());
      // the officer's key registered, the dossier opened, the request built
      assertEquals(3, store.journal().size());
      assertEquals("OFFICER_KEY_REGISTERED", store.journal().get(0).entry().event());
      assertEquals("REQUEST_BUILT", store.journal().get(2).entry().event());
      assertEquals(Optional.empty(), store.verifyJournal());
    }
  }

  @Test
  void journalIsAppendOnlyThroughSql() throws Exception {
    Path db = dir.resolve("station.db");
    try (InterventionStore store = InterventionStore.open(db)) {
      begin(store);
    }
    SQLException e =
        assertThrows(SQLException.class, () -> sql(db, "UPDATE journal SET detail = '{}'"));
    assertTrue(e.getMessage().contains("append-only"));
  }

  @Test
  void journalEditedBehindTheStationsBackIsFoundAtItsRow() throws Exception {
    Path db = dir.resolve("station.db");
    try (InterventionStore store = InterventionStore.open(db)) {
      String id = begin(store);
      store.record(id, StepRecord.of(Step.CHECKS_RECORDED, Map.of("kbisDate", "2026-11-04")), AT);
      store.record(id, StepRecord.of(Step.PIN_VERIFIED, Map.of()), AT);
    }
    sql(db, "DROP TRIGGER journal_no_update");
    sql(db, "UPDATE journal SET detail = '{\"kbisDate\":\"2026-01-01\"}' WHERE seq = 2");

    try (InterventionStore store = InterventionStore.open(db)) {
      BrokenLink broken = store.verifyJournal().orElseThrow();
      assertEquals(2, broken.sequence());
    }
  }

  @Test
  void databaseFromANewerStationIsRefusedAndLeftAlone() throws Exception {
    Path db = dir.resolve("station.db");
    try (InterventionStore store = InterventionStore.open(db)) {
      begin(store);
    }
    sql(
        db,
        "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
            + " checksum, installed_by, installed_on, execution_time, success) VALUES (99, '99',"
            + " 'future', 'SQL', 'V99__future.sql', 0, 'x', '2030-01-01 00:00:00.000', 1, 1)");
    byte[] before = Files.readAllBytes(db);

    StoreException e = assertThrows(StoreException.class, () -> InterventionStore.open(db));
    assertTrue(e.getMessage().contains("newer version of the station"), e.getMessage());
    assertEquals(before.length, Files.readAllBytes(db).length);
  }

  @Test
  void lockedDatabaseGivesAClearMessage() throws Exception {
    Path db = dir.resolve("station.db");
    try (InterventionStore store = InterventionStore.open(db)) {
      begin(store);
    }
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = other.createStatement()) {
      statement.execute("BEGIN EXCLUSIVE");
      StoreException e =
          assertThrows(
              StoreException.class,
              () -> {
                try (InterventionStore store = InterventionStore.open(db)) {
                  begin(store);
                }
              });
      assertTrue(e.getMessage().contains("is locked by another program"), e.getMessage());
      statement.execute("ROLLBACK");
    }
    try (InterventionStore store = InterventionStore.open(db)) {
      assertEquals(1, store.list().size(), "earlier record intact");
    }
  }

  @Test
  void fileThatIsNotADatabaseIsSaidSo() throws Exception {
    Path db = dir.resolve("station.db");
    Files.writeString(db, "this is not a database, it is a text file with enough bytes in it ....");

    StoreException e = assertThrows(StoreException.class, () -> InterventionStore.open(db));
    assertTrue(e.getMessage().contains("is not a station database"), e.getMessage());
  }

  private static void sql(Path db, String statement) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = connection.createStatement()) {
      s.execute(statement);
    }
  }
}
