package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.store.TestOfficerKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 8: every usage error of {@code station enroll} is refused in one line, exit code
 * 2, before the meeting is recorded: the database holds no intervention afterwards.
 */
class EnrollUsageErrorsTest {

  @TempDir Path dir;
  private Path database;
  private Path dossier;
  private Path newPin;

  private record Run(int code, String out, String err) {}

  @BeforeEach
  void officerAndDossier() throws Exception {
    database = dir.resolve("station.db");
    TestOfficerKey.registerIn(database);
    dossier =
        Files.writeString(
            dir.resolve("dossier.json"),
            EnrollmentFile.toJson(SampleEnrollment.at(LocalDateTime.now())));
    newPin = Path.of(HolderPins.file(dir));
  }

  @Test
  void unsetPinVariable() throws Exception {
    Run run = enroll("--token", "simulated", "--pin-env", "STATION_TEST_PIN_NEVER_SET");

    assertRefusedBeforeTheMeeting(run, "the environment variable STATION_TEST_PIN_NEVER_SET");
  }

  // An empty variable cannot be made inside this JVM: the station runs in a child process.
  @Test
  void emptyPinVariable() throws Exception {
    Run run =
        childStation(
            "STATION_TEST_EMPTY_PIN",
            "",
            "enroll",
            "--dossier",
            dossier.toString(),
            "--token",
            "simulated",
            "--pin-env",
            "STATION_TEST_EMPTY_PIN",
            "--new-pin-file",
            newPin.toString(),
            "--data-dir",
            dir.toString());

    assertRefusedBeforeTheMeeting(run, "STATION_TEST_EMPTY_PIN is empty");
  }

  @Test
  void missingPinFile() throws Exception {
    Run run = enroll("--token", "simulated", "--pin-file", dir.resolve("no-pin").toString());

    assertRefusedBeforeTheMeeting(run, "no such file");
  }

  @Test
  void pinFileThatIsAFolder() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("pin-folder"));

    Run run = enroll("--token", "simulated", "--pin-file", folder.toString());

    assertRefusedBeforeTheMeeting(run, "not a regular file");
  }

  @Test
  void worldReadablePinFile() throws Exception {
    Path pin = HolderPins.secretFile(dir.resolve("pin"), "123456\n");
    Files.setPosixFilePermissions(pin, PosixFilePermissions.fromString("rw-r--r--"));

    Run run = enroll("--token", "simulated", "--pin-file", pin.toString());

    assertRefusedBeforeTheMeeting(run, "(mode 0644): make it yours only with chmod 600 " + pin);
  }

  @Test
  void groupReadableNewPinFile() throws Exception {
    Files.setPosixFilePermissions(newPin, PosixFilePermissions.fromString("rw-r-----"));
    Path pin = HolderPins.secretFile(dir.resolve("pin"), "123456\n");

    Run run = enroll("--token", "simulated", "--pin-file", pin.toString());

    assertRefusedBeforeTheMeeting(run, "--new-pin-file " + newPin + ": other users may read");
  }

  @Test
  void pinFileWithASpace() throws Exception {
    Path pin = HolderPins.secretFile(dir.resolve("pin"), "123456 \n");

    Run run = enroll("--token", "simulated", "--pin-file", pin.toString());

    assertRefusedBeforeTheMeeting(run, "holds something else than digits");
    assertFalse(run.err().contains("123456"), "the PIN is never printed: " + run.err());
  }

  @Test
  void unknownPkcs11TokenLabel() throws Exception {
    SoftHsm.configuration();
    Path pin = HolderPins.secretFile(dir.resolve("pin"), "123456\n");

    Run run =
        enroll(
            "--token",
            "pkcs11:" + SoftHsm.MODULE + ";token=no-such-token-" + ProcessHandle.current().pid(),
            "--pin-file",
            pin.toString());

    assertRefusedBeforeTheMeeting(run, "no token labelled 'no-such-token-");
  }

  @Test
  void pkcs11ModuleThatIsNoLibrary() throws Exception {
    Path pin = HolderPins.secretFile(dir.resolve("pin"), "123456\n");

    Run run = enroll("--token", "pkcs11:/etc/passwd", "--pin-file", pin.toString());

    assertRefusedBeforeTheMeeting(run, "/etc/passwd is not a shared library");
  }

  @Test
  void emptyDataDirectory() throws Exception {
    Path current = Path.of("").toAbsolutePath().resolve("station.db");
    boolean existedBefore = Files.exists(current);
    Path pin = HolderPins.secretFile(dir.resolve("pin"), "123456\n");

    Run run =
        station(
            "enroll",
            "--dossier",
            dossier.toString(),
            "--token",
            "simulated",
            "--pin-file",
            pin.toString(),
            "--new-pin-file",
            newPin.toString(),
            "--data-dir",
            "");

    assertRefusedBeforeTheMeeting(run, "--data-dir names no folder");
    assertEquals(existedBefore, Files.exists(current), "nothing written in the current folder");
    assertFalse(Files.exists(Path.of("demo-officer")));
  }

  @Test
  void outputFolderUnderAFile() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");
    Path pin = HolderPins.secretFile(dir.resolve("pin"), "123456\n");

    Run run =
        enroll(
            "--token",
            "simulated",
            "--pin-file",
            pin.toString(),
            "--out",
            file.resolve("sub").toString());

    assertRefusedBeforeTheMeeting(run, "cannot write to the output folder");
  }

  // Issue 16: a meeting held at the terminal carries the officer's recorded identity proofing.
  @Test
  void fileWithoutTheIdentityProofing() throws Exception {
    ObjectNode root = (ObjectNode) EnrollmentFile.mapper().readTree(Files.readString(dossier));
    ((ObjectNode) root.path("meeting")).remove("proofing");
    Files.writeString(dossier, root.toString());

    Run run = enroll("--token", "simulated", "--pin-env", "STATION_TEST_PIN_NEVER_SET");

    assertDossierRefused(run, "missing field 'meeting.proofing'");
  }

  @Test
  void featureLeftWithoutTheOfficersVerdict() throws Exception {
    ObjectNode root = (ObjectNode) EnrollmentFile.mapper().readTree(Files.readString(dossier));
    ((ObjectNode) root.at("/meeting/proofing/examination/checks/1")).put("verdict", "");
    Files.writeString(dossier, root.toString());

    Run run = enroll("--token", "simulated", "--pin-env", "STATION_TEST_PIN_NEVER_SET");

    assertDossierRefused(
        run,
        "wrong value at 'meeting.proofing.examination.checks[1].verdict' (one of CONFORMS,"
            + " DOES_NOT_CONFORM, NOT_VERIFIABLE)");
  }

  // A dossier the station cannot read is refused as any unreadable file is: exit code 1.
  private void assertDossierRefused(Run run, String saying) throws Exception {
    assertEquals(1, run.code(), run.err());
    String err = run.err().strip();
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.contains(saying), err);
    assertEquals(0, interventions(), "no meeting recorded");
  }

  private void assertRefusedBeforeTheMeeting(Run run, String saying) throws Exception {
    assertEquals(2, run.code(), run.err());
    String err = run.err().strip();
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.startsWith("error: "), err);
    assertTrue(err.contains(saying), err);
    assertFalse(err.contains(".jar"), "no class path: " + err);
    assertFalse(err.contains("Exception"), "no stack trace: " + err);
    assertFalse(err.contains(System.getProperty("java.class.path")), err);
    assertEquals(0, interventions(), "no meeting recorded");
  }

  private Run enroll(String... options) {
    List<String> args = new ArrayList<>(List.of("enroll", "--dossier", dossier.toString()));
    args.addAll(List.of(options));
    if (!args.contains("--new-pin-file")) {
      args.addAll(List.of("--new-pin-file", newPin.toString()));
    }
    args.addAll(List.of("--data-dir", dir.toString()));
    return station(args.toArray(String[]::new));
  }

  private static Run station(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = StationCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  // The station's main class on this JVM's class path, with one more environment variable.
  private Run childStation(String variable, String value, String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("fr.aed.station.app.Station");
    command.addAll(List.of(arguments));
    Path out = dir.resolve("child.out");
    Path err = dir.resolve("child.err");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put(variable, value);
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the station did not end: " + Files.readString(err));
    }
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private long interventions() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT count(*) FROM intervention")) {
      row.next();
      return row.getLong(1);
    }
  }
}
