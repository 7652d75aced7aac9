package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints kept away from the station find what the journal alone cannot: the last meetings cut
 * off with their seals, a deleted or emptied database, a database of another station.
 */
class JournalCheckpointCommandTest {

  @TempDir Path dir;

  private static StationRun station(Path data, String... args) {
    return StationRun.on(data, args);
  }

  private Path stationWithMeetings(String name, int meetings) throws Exception {
    Path data = dir.resolve(name);
    Files.createDirectories(data);
    StationRun registered =
        station(
            data,
            "officer",
            "register",
            "--officer",
            "demo",
            "--name",
            "Maître Jean Exemple",
            "--office",
            "Étude Exemple",
            "--address",
            "1 rue de l'Exemple, 25000 Besançon",
            "--aed-id",
            "AED-DEMO-025-01",
            "--trained-on",
            java.time.LocalDate.now().minusMonths(2).toString(),
            "--accreditation",
            "ACC-1");
    assertEquals(0, registered.code(), registered.err());
    for (int i = 0; i < meetings; i++) {
      assertEquals(0, enroll(data).code());
    }
    return data;
  }

  private StationRun enroll(Path data) throws Exception {
    Path dossier =
        HolderPins.secretFile(
            data.resolve("dossier.json"),
            EnrollmentFile.toJson(SampleEnrollment.at(LocalDateTime.now())));
    Path pin = HolderPins.secretFile(data.resolve("pin"), "123456\n");
    Path newPin = dir.resolve("pins-" + data.getFileName());
    Files.createDirectories(newPin);
    StationRun run =
        station(
            data,
            "enroll",
            "--dossier",
            dossier.toString(),
            "--token",
            "simulated",
            "--pin-file",
            pin.toString(),
            "--new-pin-file",
            HolderPins.file(newPin),
            "--officer",
            "demo");
    assertEquals(0, run.code(), run.err());
    return run;
  }

  private Path checkpoint(Path data, String name) {
    Path file = dir.resolve(name);
    StationRun run =
        station(data, "journal", "checkpoint", "--out", file.toString(), "--officer", "demo");
    assertEquals(0, run.code(), run.err());
    return file;
  }

  @Test
  void aCheckpointIsHeldAndPrivate() throws Exception {
    Path data = stationWithMeetings("a", 1);
    Path checkpoint = checkpoint(data, "checkpoint.txt");
    assertEquals(
        "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(checkpoint)));

    assertEquals(0, enroll(data).code(), "the journal goes on after a checkpoint");
    StationRun verified =
        station(data, "journal", "verify", "--demo", "--against", checkpoint.toString());

    assertEquals(0, verified.code(), verified.out() + verified.err());
    assertTrue(verified.out().contains("held: entries 1 to"), verified.out());
    assertTrue(verified.out().contains("Jean Exemple"), verified.out());
  }

  @Test
  void theLastMeetingsCutWithTheirSealsAreFoundAgainstTheCheckpoint() throws Exception {
    Path data = stationWithMeetings("a", 2);
    Path checkpoint = checkpoint(data, "checkpoint.txt");
    String second = lastMeeting(data);
    long cut = firstEntryOf(data, second);
    sql(
        data,
        "DELETE FROM journal WHERE seq >= " + cut,
        "DELETE FROM journal_seal WHERE sequence >= " + cut,
        "DELETE FROM intervention WHERE id = '" + second + "'");

    StationRun alone = station(data, "journal", "verify", "--demo");
    assertEquals(0, alone.code(), "a clean cut of the end is beyond the journal alone");

    StationRun against =
        station(data, "journal", "verify", "--demo", "--against", checkpoint.toString());
    assertEquals(1, against.code());
    assertTrue(
        against.out().contains("the last entries were removed, or the database was rolled back"),
        against.out());
  }

  @Test
  void anEmptiedOrDeletedDatabaseIsFound() throws Exception {
    Path data = stationWithMeetings("a", 1);
    Path checkpoint = checkpoint(data, "checkpoint.txt");

    Files.write(data.resolve("station.db"), new byte[0]);
    Files.deleteIfExists(data.resolve("station.db-wal"));
    Files.deleteIfExists(data.resolve("station.db-shm"));
    StationRun emptied =
        station(data, "journal", "verify", "--demo", "--against", checkpoint.toString());
    assertEquals(1, emptied.code());
    assertTrue(emptied.err().contains("is empty (0 bytes)"), emptied.err());

    Files.delete(data.resolve("station.db"));
    StationRun deleted =
        station(data, "journal", "verify", "--demo", "--against", checkpoint.toString());
    assertEquals(1, deleted.code());
    assertTrue(deleted.err().contains("no station database"), deleted.err());
  }

  @Test
  void anotherStationsCheckpointIsNotThisJournals() throws Exception {
    Path here = stationWithMeetings("a", 1);
    Path elsewhere = stationWithMeetings("b", 1);
    Path theirs = checkpoint(elsewhere, "theirs.txt");

    // one authority for both stations' officers, as a certificate authority's trust list is
    Path trustList = dir.resolve("trust.pem");
    Files.writeString(
        trustList,
        Files.readString(here.resolve("demo-officer/authority.pem"))
            + Files.readString(elsewhere.resolve("demo-officer/authority.pem")));
    StationRun run =
        station(
            here,
            "journal",
            "verify",
            "--trust-list",
            trustList.toString(),
            "--against",
            theirs.toString());

    assertEquals(1, run.code());
    assertTrue(run.out().contains("the checkpoint is of another journal"), run.out());

    StationRun untrusted =
        station(here, "journal", "verify", "--demo", "--against", theirs.toString());
    assertEquals(1, untrusted.code());
    assertTrue(
        untrusted.err().contains("is refused: it was signed with a certificate no trusted"),
        untrusted.err());
    assertTrue(untrusted.out().startsWith("Journal intact"), "the journal itself holds");
  }

  @Test
  void aTruncatedOrAlteredCheckpointIsSaidSo() throws Exception {
    Path data = stationWithMeetings("a", 1);
    Path checkpoint = checkpoint(data, "checkpoint.txt");
    byte[] bytes = Files.readAllBytes(checkpoint);

    Path truncated = Files.write(dir.resolve("truncated.txt"), Arrays.copyOf(bytes, 100));
    StationRun cut =
        station(data, "journal", "verify", "--demo", "--against", truncated.toString());
    assertEquals(1, cut.code());
    assertTrue(cut.err().contains("not a journal checkpoint"), cut.err());

    String text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
    String sequence = text.replaceAll("(?s).*sequence: ([0-9]+).*", "$1");
    Path altered =
        Files.writeString(
            dir.resolve("altered.txt"),
            text.replace("sequence: " + sequence, "sequence: " + (Long.parseLong(sequence) - 1)));
    StationRun forged =
        station(data, "journal", "verify", "--demo", "--against", altered.toString());
    assertEquals(1, forged.code());
    assertTrue(forged.err().contains("is refused: its signature does not verify"), forged.err());
    assertTrue(forged.out().startsWith("Journal intact"), "an altered checkpoint blames no entry");

    StationRun missing =
        station(data, "journal", "verify", "--demo", "--against", dir.resolve("no").toString());
    assertEquals(2, missing.code());
  }

  @Test
  void theExportPackageCarriesACheckpoint() throws Exception {
    Path data = stationWithMeetings("a", 1);
    StationRun exported =
        station(
            data,
            "export",
            lastMeeting(data),
            "--out",
            dir.resolve("export").toString(),
            "--officer",
            "demo");
    assertEquals(0, exported.code(), exported.err());
    Path zip;
    try (var files = Files.list(dir.resolve("export"))) {
      zip = files.filter(f -> f.toString().endsWith(".zip")).findFirst().orElseThrow();
    }

    StationRun run = station(data, "journal", "verify", "--demo", "--against", zip.toString());

    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("held"), run.out());
  }

  private String lastMeeting(Path data) {
    String listed = station(data, "list").out();
    return listed.replaceAll("(?s)^.*?(INT-[0-9]{8}-[0-9A-F]{8}).*$", "$1");
  }

  private static long firstEntryOf(Path data, String id) throws Exception {
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("station.db"));
        Statement statement = raw.createStatement();
        var row =
            statement.executeQuery(
                "SELECT MIN(seq) FROM journal WHERE intervention = '" + id + "'")) {
      return row.getLong(1);
    }
  }

  private static void sql(Path data, String... statements) throws Exception {
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("station.db"));
        Statement statement = raw.createStatement()) {
      for (String trigger :
          new String[] {
            "journal_no_update",
            "journal_no_delete",
            "journal_seal_no_update",
            "journal_seal_no_delete"
          }) {
        statement.execute("DROP TRIGGER IF EXISTS " + trigger);
      }
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
