package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A meeting resumes with what was recorded and previewed: a record edited between the interruption
 * and the resumption (another company for the request) is refused before the card is asked.
 */
class ResumeTamperedRecordTest {

  @TempDir Path dir;

  private StationRun station(String... args) {
    return StationRun.on(dir.resolve("data"), args);
  }

  @Test
  void aRecordEditedWhileTheMeetingWaitedIsNotResumed() throws Exception {
    Path dossier =
        HolderPins.secretFile(
            dir.resolve("dossier.json"),
            EnrollmentFile.toJson(SampleEnrollment.at(LocalDateTime.now())));
    StationRun interrupted =
        station(
            "enroll",
            "--dossier",
            dossier.toString(),
            "--token",
            "simulated",
            "--pin-file",
            HolderPins.secretFile(dir.resolve("wrong"), "000000\n").toString(),
            "--new-pin-file",
            HolderPins.file(dir),
            "--officer",
            "demo");
    assertEquals(1, interrupted.code());
    String id = interrupted.err().replaceAll("(?s).*(INT-[0-9]{8}-[0-9A-F]{8}).*", "$1");

    try (Connection raw =
            DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/station.db"));
        Statement sql = raw.createStatement()) {
      sql.execute(
          "UPDATE intervention SET enrollment_json = replace(enrollment_json,"
              + " 'Atelier Numérique Démo', 'Banque de France') WHERE id = '"
              + id
              + "'");
    }

    StationRun resumed =
        station(
            "resume",
            id,
            "--token",
            "simulated",
            "--pin-file",
            HolderPins.secretFile(dir.resolve("pin"), "123456\n").toString(),
            "--new-pin-file",
            HolderPins.file(dir),
            "--officer",
            "demo");

    assertEquals(1, resumed.code(), resumed.out());
    assertTrue(resumed.err().contains("is not the one the journal recorded"), resumed.err());
    assertTrue(station("list").out().contains("OPEN"), "the meeting stays open, unchanged");
  }
}
