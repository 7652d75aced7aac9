package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.PurgeCandidate;
import fr.aed.station.app.store.RetentionPurge;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The identity document's number and zone, typed or read, are nowhere in clear in the database, its
 * WAL or its SHM: for an accepted meeting, a refused one (whose reasons name them on screen), and
 * after a purge. The officer sees them; the evidence does not keep them.
 */
class PersonalDataAtRestTest {

  @TempDir Path dir;

  private final Enrollment sample = SampleEnrollment.at(LocalDateTime.now());
  private final String mrz = sample.meeting().mrz();

  private StationRun station(String... args) {
    return StationRun.on(dir.resolve("data"), args);
  }

  private StationRun enroll(Enrollment enrollment, String name) {
    Path dossier = HolderPins.secretFile(dir.resolve(name), EnrollmentFile.toJson(enrollment));
    return station(
        "enroll",
        "--dossier",
        dossier.toString(),
        "--token",
        "simulated",
        "--pin-file",
        HolderPins.secretFile(dir.resolve("pin"), "123456\n").toString(),
        "--new-pin-file",
        HolderPins.file(dir),
        "--officer",
        "demo");
  }

  @Test
  void theDocumentIsNeverInClearAtRest() throws Exception {
    assertEquals(0, enroll(sample, "accepted.json").code());
    IdentityDocument typed = sample.meeting().identityDocument();
    Enrollment mistyped =
        new Enrollment(
            sample.dossier(),
            sample
                .meeting()
                .withIdentityDocument(
                    new IdentityDocument(
                        typed.type(), "Z9QWERTY7", typed.issuingState(), typed.expiryDate()),
                    mrz));
    StationRun refused = enroll(mistyped, "refused.json");
    assertEquals(1, refused.code());
    assertTrue(refused.err().contains("Z9QWERTY7"), "the officer is told what differs");
    assertRefusalSealed();

    assertNothingInClear();

    try (InterventionStore store =
        InterventionStore.open(dir.resolve("data").resolve("station.db"))) {
      RetentionPurge purge = new RetentionPurge(store, ZoneOffset.UTC);
      List<PurgeCandidate> due = purge.expired(LocalDate.now().plusYears(20));
      assertEquals(2, due.size());
      for (PurgeCandidate candidate : due) {
        purge.erase(candidate, Instant.now());
      }
      assertTrue(store.verifyJournal().isEmpty(), "the journal still verifies after the purge");
    }
    assertNothingInClear();
  }

  // A refused meeting is sealed at once by the officer's card: rewriting it needs the card.
  private void assertRefusalSealed() throws Exception {
    try (java.sql.Connection raw =
            java.sql.DriverManager.getConnection(
                "jdbc:sqlite:" + dir.resolve("data").resolve("station.db"));
        java.sql.Statement sql = raw.createStatement();
        java.sql.ResultSet row =
            sql.executeQuery(
                "SELECT (SELECT MAX(sequence) FROM journal_seal)"
                    + " >= (SELECT MAX(seq) FROM journal WHERE event = 'REFUSED')")) {
      assertTrue(row.next() && row.getInt(1) == 1, "the refusal is under a seal");
    }
  }

  private void assertNothingInClear() throws Exception {
    List<String> secrets = new ArrayList<>(List.of("X4RTBPFW4", "Z9QWERTY7"));
    secrets.addAll(mrz.lines().toList());
    secrets.add("LEFEVRE<DUBOIS");
    for (String suffix : List.of("", "-wal", "-shm")) {
      Path file = dir.resolve("data").resolve("station.db" + suffix);
      if (!Files.exists(file)) {
        continue;
      }
      String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      for (String secret : secrets) {
        assertTrue(!bytes.contains(secret), secret + " is in clear in " + file.getFileName());
      }
    }
  }
}
