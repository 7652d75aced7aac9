package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.files.PrivateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a meeting leaves in the data folder is the officer's alone (folders 0700, files 0600),
 * whatever the umask; a folder made readable by others is said at the next start.
 */
class DataFolderModesTest {

  @TempDir Path dir;

  private static StationRun station(Path data, String... args) {
    return StationRun.on(data, args);
  }

  @Test
  void aClosedMeetingLeavesNothingOthersCanRead() throws Exception {
    Path data = dir.resolve("data");
    Path dossier =
        HolderPins.secretFile(
            dir.resolve("dossier.json"),
            EnrollmentFile.toJson(SampleEnrollment.at(LocalDateTime.now())));
    Path pin = HolderPins.secretFile(dir.resolve("pin"), "123456\n");

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
            HolderPins.file(dir),
            "--officer",
            "demo");

    assertEquals(0, run.code(), run.err());
    assertTrue(Files.exists(data.resolve("station.db")));
    assertTrue(Files.exists(data.resolve("demo-officer")));
    assertTrue(Files.exists(data.resolve("interventions")));
    assertEquals(java.util.List.of(), PrivateFiles.looserThanPrivate(data));
    assertTrue(!run.err().contains("warning"), run.err());
  }

  @Test
  void aDatabaseOthersCanReadIsSaidAtStart() throws Exception {
    Path data = dir.resolve("data");
    assertEquals(0, station(data, "officer", "show").code());
    Files.setPosixFilePermissions(
        data.resolve("station.db"), PosixFilePermissions.fromString("rw-r--r--"));

    StationRun run = station(data, "list");

    assertEquals(0, run.code());
    assertTrue(run.err().contains("warning: other users of this computer can open"), run.err());
    assertTrue(run.err().contains("chmod -R go-rwx"), run.err());
  }
}
