package fr.aed.station.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.crypto.journal.BrokenLink;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Records changed behind the journal's back, as anyone holding the file can (sqlite3, triggers
 * dropped): each is found by the journal's verification, naming the record.
 */
class RecordVerificationTest {

  @TempDir Path dir;

  private Path db;
  private final List<String> ids = new ArrayList<>();

  @BeforeEach
  void threeMeetingsAndAnOfficer() throws Exception {
    db = dir.resolve("station.db");
    try (InterventionStore store = InterventionStore.open(db)) {
      TestOfficerKey.register(store);
      new OfficerProfiles(store)
          .save(
              new OfficerProfiles.OfficerProfile(
                  new Officer(
                      "Maître Jean Exemple",
                      "Étude",
                      "1 rue",
                      "AED-1",
                      LocalDate.of(2026, 6, 1),
                      "ACC-1"),
                  "demo"),
              Instant.parse("2026-01-05T08:00:00Z"));
      Enrollment sample = SampleEnrollment.at(LocalDateTime.of(2026, 1, 5, 9, 0));
      for (int i = 0; i < 3; i++) {
        Instant at = Instant.parse("2026-01-05T09:00:00Z").plusSeconds(i * 60L);
        String id = store.begin(sample, EnrollmentFile.toJson(sample), at);
        store.record(id, StepRecord.of(Step.REFUSED, Map.of("reason", "test")), at.plusSeconds(1));
        ids.add(id);
      }
      assertTrue(store.verifyJournal().isEmpty(), "intact before the attack");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "UPDATE intervention SET holder_name = 'Paul Autre' WHERE id = '%s'",
        "UPDATE intervention SET status = 'CLOSED', step = 'CLOSED' WHERE id = '%s'",
        "UPDATE intervention SET outcome_reason = 'accepté' WHERE id = '%s'",
        "UPDATE intervention SET enrollment_json = replace(enrollment_json, 'true', 'false')"
            + " WHERE id = '%s'"
      })
  void anEditedRecordIsFoundAndNamed(String edit) throws Exception {
    String victim = ids.get(1);
    attack(edit.formatted(victim));

    BrokenLink broken = verify();
    assertTrue(broken.reason().contains("the record of " + victim + " differs"), broken.reason());
  }

  @Test
  void aDeletedRecordIsFound() throws Exception {
    attack("DELETE FROM intervention WHERE id = '" + ids.get(2) + "'");

    assertTrue(verify().reason().contains("the record of " + ids.get(2) + " is gone"));
  }

  @Test
  void anInsertedRecordIsFound() throws Exception {
    attack(
        "INSERT INTO intervention SELECT 'INT-20260105-FORGED00', dossier_id, holder_name,"
            + " company_name, status, step, started_at, updated_at, enrollment_json, token_backend,"
            + " token_model, token_serial, key_algorithm, key_evidence, public_key_sha256,"
            + " csr_sha256, csr_pem, sheet_path, sheet_sha256, outcome_reason, holder_folded,"
            + " company_folded, ended_at, purged_at, identity_sealed, identity_recipient,"
            + " key_attestation, pin_chosen_at FROM intervention WHERE id = '"
            + ids.get(0)
            + "'");

    BrokenLink broken = verify();
    assertEquals(0, broken.sequence());
    assertTrue(broken.reason().contains("INT-20260105-FORGED00 is in no journal entry"));
  }

  @Test
  void anEditedOfficerRegistrationIsFound() throws Exception {
    attack("UPDATE officer_profile SET name = 'Élodie Lefèvre-Dubois'");

    assertTrue(verify().reason().contains("the officer's registration differs"));
  }

  @Test
  void aCertificateSlippedIntoTheKeyringIsFound() throws Exception {
    attack(
        "INSERT INTO officer_key SELECT 'f' || fingerprint, subject, certificate, registered_at"
            + " FROM officer_key");

    assertTrue(verify().reason().contains("the officer's registration differs"));
  }

  @Test
  void aPurgeIsJournaledWithTheErasedRecordsDigest() throws Exception {
    try (InterventionStore store = InterventionStore.open(db)) {
      RetentionPurge purge = new RetentionPurge(store, java.time.ZoneOffset.UTC);
      List<PurgeCandidate> due = purge.expired(java.time.LocalDate.of(2040, 1, 1));
      assertEquals(3, due.size());
      for (PurgeCandidate candidate : due) {
        purge.erase(candidate, Instant.parse("2040-01-01T00:00:00Z"));
      }
      assertTrue(store.verifyJournal().isEmpty(), "a purge leaves the journal verifiable");
    }
  }

  private void attack(String sql) throws Exception {
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = raw.createStatement()) {
      for (String trigger :
          List.of(
              "journal_no_update",
              "journal_no_delete",
              "journal_seal_no_update",
              "journal_seal_no_delete",
              "intervention_ended")) {
        statement.execute("DROP TRIGGER IF EXISTS " + trigger);
      }
      statement.execute(sql);
    }
  }

  private BrokenLink verify() throws Exception {
    try (InterventionStore store = InterventionStore.open(db)) {
      return store.verifyJournal().orElseThrow(() -> new AssertionError("the attack was missed"));
    }
  }
}
