package fr.aed.station.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.crypto.journal.JournalChain;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming verification finds what the in-memory one finds. */
class JournalVerificationTest {

  @TempDir Path dir;

  private Path journalOfThreeMeetings() throws Exception {
    Path db = dir.resolve("station.db");
    try (InterventionStore store = InterventionStore.open(db)) {
      Enrollment sample = SampleEnrollment.at(LocalDateTime.of(2026, 1, 5, 9, 0));
      for (int i = 0; i < 3; i++) {
        Instant at = Instant.parse("2026-01-05T09:00:00Z").plusSeconds(i * 60L);
        TestOfficerKey.register(store);
        String id = store.begin(sample, EnrollmentFile.toJson(sample), at);
        store.record(id, StepRecord.of(Step.REFUSED, Map.of("reason", "test")), at.plusSeconds(1));
      }
    }
    return db;
  }

  @Test
  void anIntactJournalHolds() throws Exception {
    try (InterventionStore store = InterventionStore.open(journalOfThreeMeetings())) {
      JournalVerification.Outcome outcome = new JournalVerification(store).verify();
      assertTrue(outcome.intact());
      // the officer's key registered once, then two events per meeting
      assertEquals(7, outcome.entries());
    }
  }

  @Test
  void anAlteredEntryIsFoundWhereTheListFindsIt() throws Exception {
    Path db = journalOfThreeMeetings();
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement sql = raw.createStatement()) {
      sql.execute("DROP TRIGGER journal_no_update");
      sql.execute("UPDATE journal SET detail = '{}' WHERE seq = 4");
    }
    try (InterventionStore store = InterventionStore.open(db)) {
      var expected = JournalChain.firstBrokenLink(store.journal());
      assertEquals(4, expected.orElseThrow().sequence());
      assertEquals(expected, new JournalVerification(store).verify().brokenLink());
      assertEquals(expected, store.verifyJournal());
    }
  }

  @Test
  void aLongJournalIsVerifiedInBatchesWithTheSameFindings() throws Exception {
    Path db = dir.resolve("long.db");
    try (InterventionStore store = InterventionStore.open(db)) {
      new HistoryGenerator(store).generate(4_000, Instant.parse("2026-01-01T00:00:00Z"));
      HistoryGenerator.seal(
          store, TestAuthority.create("History CA"), Instant.parse("2026-01-01T00:00:00Z"));
      assertTrue(new JournalVerification(store).verify().intact());
    }
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement sql = raw.createStatement()) {
      sql.execute("DROP TRIGGER journal_no_update");
      sql.execute("DROP TRIGGER journal_no_delete");
      sql.execute("UPDATE journal SET event = 'X' WHERE seq = 9000");
      sql.execute("DELETE FROM journal WHERE seq = 10500");
    }
    try (InterventionStore store = InterventionStore.open(db)) {
      var expected = JournalChain.firstBrokenLink(store.journal());
      assertEquals(9000, expected.orElseThrow().sequence());
      assertEquals(expected, new JournalVerification(store).verify().brokenLink());
    }
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement sql = raw.createStatement()) {
      sql.execute("DELETE FROM journal WHERE seq = 9000");
    }
    try (InterventionStore store = InterventionStore.open(db)) {
      var expected = JournalChain.firstBrokenLink(store.journal());
      assertEquals(9000, expected.orElseThrow().sequence());
      assertEquals(expected, new JournalVerification(store).verify().brokenLink());
    }
  }
}
