package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.store.TestOfficerKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it, with the real card simulator, SQLite, openssl, poppler. */
class StationCommandTest {

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run station(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = StationCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void demoWritesAVerifiableRequestAReadableSheetAndARecord() throws Exception {
    Run run =
        station(
            "demo",
            "--data-dir",
            dir.resolve("data").toString(),
            "--out",
            dir.resolve("out").toString(),
            "--json");

    assertEquals(0, run.code(), run.err());
    JsonNode json = EnrollmentFile.mapper().readTree(run.out());
    String csr = json.get("csrPath").asText();
    String verify =
        exec("openssl", "req", "-in", csr, "-noout", "-verify", "-text", "-nameopt", "utf8");
    assertTrue(verify.contains("verify OK"), verify);
    assertTrue(verify.contains("Lefèvre-Dubois"), verify);
    assertTrue(verify.contains("sha256WithRSAEncryption"), verify);
    String sheet = exec("pdftotext", json.get("sheetPath").asText(), "-").replaceAll("\\s", "");
    assertTrue(sheet.contains("Lefèvre-Dubois"), sheet);
    assertTrue(sheet.contains("AtelierNumériqueDémo"), sheet);
    assertTrue(sheet.contains(json.get("csrSha256").asText()), sheet);
    assertEquals(
        "CLOSED", sqlite(dir.resolve("data/station.db"), "SELECT status FROM intervention"));
    // the demonstration officer's key registered, the features drawn and the draw used, nine
    // steps, then the seal; then the certificate received, accepted, installed, carried by the
    // sheet's new revision, and a second seal
    assertEquals("18", sqlite(dir.resolve("data/station.db"), "SELECT count(*) FROM journal"));
    assertEquals(
        "CERTIFICATE_INSTALLED",
        sqlite(
            dir.resolve("data/station.db"),
            "SELECT event FROM journal WHERE event LIKE 'CERTIFICATE_%' ORDER BY seq DESC LIMIT 1"));
    assertTrue(json.get("certificateInstalled").asBoolean());
    assertEquals(
        "0",
        sqlite(
            dir.resolve("data/station.db"),
            "SELECT count(*) FROM intervention WHERE identity_sealed IS NULL"
                + " OR enrollment_json LIKE '%X4RTBPFW4%'"));
    assertEquals("2", sqlite(dir.resolve("data/station.db"), "SELECT count(*) FROM journal_seal"));
    assertTrue(json.get("sheetSigned").asBoolean());
    String pdfsig = exec("pdfsig", json.get("sheetPath").asText());
    assertTrue(pdfsig.contains("Signature is Valid."), pdfsig);
    assertTrue(pdfsig.contains("DÉMONSTRATION"), pdfsig);
  }

  @Test
  void demoPrintsEachStepWithItsDuration() {
    Run run = station("demo", "--data-dir", dir.toString(), "--algorithm", "p384");

    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().matches("(?s).*\\[\\s*[0-9.]+ ms\\] KEY_GENERATED .*"), run.out());
    assertTrue(run.out().contains("Sheet   : " + dir.resolve("interventions")), run.out());
  }

  @Test
  void enrollTakesADossierFileAndThePinFromTheEnvironmentOrAFile() throws Exception {
    TestOfficerKey.registerIn(dir.resolve("station.db"));
    Path dossier = dir.resolve("dossier.json");
    Files.writeString(dossier, EnrollmentFile.toJson(SampleEnrollment.at(LocalDateTime.now())));
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
            HolderPins.file(dir),
            "--data-dir",
            dir.toString(),
            "--out",
            dir.resolve("out").toString(),
            "--json");

    assertEquals(0, run.code(), run.err());
    assertEquals(
        "DOS-DEMO-0001", EnrollmentFile.mapper().readTree(run.out()).get("dossierId").asText());
  }

  // Each crashed with an overflow once the date was used (years were added to it).
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"list --to", "purge --dry-run --on", "check-id --mrz-file mrz.txt --on"})
  void aDateOutOfAnyMeetingsRangeIsAUsageError(String command) {
    List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
    args.add("+999999999-12-31");
    if (!command.startsWith("check-id")) {
      args.addAll(List.of("--data-dir", dir.toString()));
    }

    Run run = station(args.toArray(String[]::new));

    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("out of range: give a date from 1900 to 2199"), run.err());
  }

  @Test
  void unknownAlgorithmIsAUsageError() {
    Run run = station("demo", "--data-dir", dir.toString(), "--algorithm", "rsa1024");

    assertEquals(2, run.code());
    assertTrue(
        run.err().contains("unknown algorithm 'rsa1024': use rsa2048, rsa3072, p256 or p384"),
        run.err());
  }

  @Test
  void missingDossierFileFailsInOneLine() {
    Run run =
        station(
            "enroll",
            "--dossier",
            dir.resolve("nope.json").toString(),
            "--token",
            "simulated",
            "--pin-env",
            "STATION_TEST_PIN",
            "--new-pin-file",
            HolderPins.file(dir),
            "--data-dir",
            dir.toString());

    assertEquals(1, run.code());
    assertEquals(
        "error: " + dir.resolve("nope.json") + ": no such dossier file", run.err().strip());
  }

  @Test
  void malformedDossierFileFailsInOneLine() throws Exception {
    Path dossier = Files.writeString(dir.resolve("bad.json"), "{\"dossier\": {}}");

    Run run =
        station(
            "enroll",
            "--dossier",
            dossier.toString(),
            "--token",
            "simulated",
            "--data-dir",
            dir.toString());

    assertEquals(1, run.code());
    assertTrue(run.err().startsWith("error: " + dossier + ": missing field"), run.err());
    assertEquals(1, run.err().strip().lines().count());
  }

  @Test
  void unwritableOutputFolderIsAUsageErrorBeforeTheMeeting() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");

    Run run =
        station("demo", "--data-dir", dir.toString(), "--out", file.resolve("sub").toString());

    assertEquals(2, run.code());
    assertTrue(run.err().contains("cannot write to the output folder"), run.err());
    assertTrue(Files.notExists(dir.resolve("station.db")), "nothing recorded");
  }

  @Test
  void lockedDatabaseFailsInOneLineAndKeepsEarlierRecords() throws Exception {
    assertEquals(0, station("demo", "--data-dir", dir.toString()).code());
    Path db = dir.resolve("station.db");
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = other.createStatement()) {
      statement.execute("BEGIN EXCLUSIVE");
      Run run = station("demo", "--data-dir", dir.toString());
      statement.execute("ROLLBACK");

      assertEquals(1, run.code());
      assertTrue(run.err().contains("is locked by another program"), run.err());
    }
    assertEquals("1", sqlite(db, "SELECT count(*) FROM intervention"));
  }

  @Test
  void dossierSamplePrintsAFileEnrollAccepts() throws Exception {
    Run run = station("dossier", "sample");

    assertEquals(0, run.code());
    assertEquals("DOS-DEMO-0001", EnrollmentFile.parse("sample", run.out()).dossier().id());
  }

  @Test
  void helpListsTheCommands() {
    Run run = station("--help");

    assertEquals(0, run.code());
    for (String command : new String[] {"demo", "enroll", "dossier", "gui"}) {
      assertTrue(run.out().contains("  " + command), run.out());
    }
  }

  private static String exec(String... command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError(command[0] + " is needed: run ./scripts/install-test-packages", e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
    return output;
  }

  private static String sqlite(Path db, String query) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(query)) {
      row.next();
      return row.getString(1);
    }
  }
}
