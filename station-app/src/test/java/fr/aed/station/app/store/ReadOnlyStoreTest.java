package fr.aed.station.app.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An auditor verifies a copy of the data folder without changing a byte of it. */
class ReadOnlyStoreTest {

  @TempDir Path dir;

  @Test
  void aCopyIsVerifiedAndListedWithoutBeingWritten() throws Exception {
    Path db = dir.resolve("station.db");
    try (InterventionStore store = InterventionStore.open(db)) {
      TestOfficerKey.register(store);
      Enrollment sample = SampleEnrollment.at(LocalDateTime.of(2026, 1, 5, 9, 0));
      Instant at = Instant.parse("2026-01-05T09:00:00Z");
      String id = store.begin(sample, EnrollmentFile.toJson(sample), at);
      store.record(id, StepRecord.of(Step.REFUSED, Map.of("reason", "test")), at.plusSeconds(1));
    }
    byte[] before = Files.readAllBytes(db);

    try (InterventionStore copy = InterventionStore.openReadOnly(db)) {
      assertTrue(copy.verifyJournal().isEmpty());
      assertEquals(1, copy.list().size());
    }

    assertArrayEquals(before, Files.readAllBytes(db));
  }

  @Test
  void aDatabaseThatNeedsAnUpgradeSaysSoAndStaysAsItIs() throws Exception {
    Path db = dir.resolve("old.db");
    Flyway.configure()
        .dataSource("jdbc:sqlite:" + db, null, null)
        .locations("classpath:db/migration")
        .target("7")
        .load()
        .migrate();
    byte[] before = Files.readAllBytes(db);

    StoreException e = assertThrows(StoreException.class, () -> InterventionStore.openReadOnly(db));

    assertTrue(e.getMessage().contains("needs an upgrade (schema 9)"), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(db));
  }

  @Test
  void noDatabaseIsNotCreated() {
    Path absent = dir.resolve("absent/station.db");
    assertThrows(StoreException.class, () -> InterventionStore.openReadOnly(absent));
    assertFalse(Files.exists(absent.getParent()));
  }
}
