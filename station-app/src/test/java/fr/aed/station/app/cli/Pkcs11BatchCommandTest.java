package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.domain.Dossier;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.store.TestOfficerKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code station batch --token pkcs11:<SoftHSM2>} over three tokens, one of which refuses the PIN,
 * and one dossier more than there are tokens. The batch runs in a JVM of its own: SoftHSM2 reads
 * its token directory once per process, and this JVM's holds the other tests' tokens, which the
 * batch would take too.
 */
class Pkcs11BatchCommandTest {

  private static final Path SOFTHSM2 = Path.of("/usr/lib/softhsm/libsofthsm2.so");
  private static final String PIN = "123456";

  @TempDir Path dir;

  @Test
  @Timeout(180)
  void enrollsEachNewTokenGoesPastOneThatRefusesThePinAndStopsWhenNoneComes() throws Exception {
    Path configuration = softHsmConfiguration();
    Map<String, String> serials = new HashMap<>();
    for (String[] token :
        new String[][] {{"batch-a", PIN}, {"batch-wrong-pin", "654321"}, {"batch-c", PIN}}) {
      serials.put(token[0], initToken(configuration, token[0], token[1]));
    }
    Path data = dir.resolve("data");
    TestOfficerKey.registerIn(data.resolve("station.db"));
    LocalDateTime now = LocalDateTime.now();
    List<String> dossiers = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      dossiers.add(EnrollmentFile.toJson(withId(SampleEnrollment.at(now), "DOS-K" + i)));
    }
    Path batchFile =
        Files.writeString(dir.resolve("dossiers.json"), "[" + String.join(",", dossiers) + "]");
    Path pin = HolderPins.secretFile(dir.resolve("pin"), PIN + "\n");

    Run run =
        station(
            configuration,
            "batch",
            "--dossiers",
            batchFile.toString(),
            "--token",
            "pkcs11:" + SOFTHSM2,
            "--pin-file",
            pin.toString(),
            "--new-pin-file",
            HolderPins.file(dir),
            "--algorithm",
            "p256",
            "--data-dir",
            data.toString(),
            "--timeout",
            "3",
            "--json");

    assertEquals(1, run.code, run.err);
    for (int i = 1; i <= 4; i++) {
      assertTrue(run.err.contains(i + "/4 DOS-K" + i + ": waiting for a card..."), run.err);
    }
    assertFalse(run.err.contains("take the card out"), run.err);
    assertFalse(run.err.contains(PIN), "the PIN is never shown");
    JsonNode summary = EnrollmentFile.mapper().readTree(run.out);
    assertEquals(4, summary.get("total").asInt(), run.out);
    assertEquals(2, summary.get("enrolled").asInt(), run.out);
    assertEquals(1, summary.get("failed").asInt(), run.out);
    assertEquals(1, summary.get("skipped").asInt(), run.out);
    JsonNode last = summary.get("dossiers").get(3);
    assertEquals("SKIPPED", last.get("outcome").asText());
    assertTrue(last.get("reason").asText().contains("within 3 s"), last.toString());

    Path db = data.resolve("station.db");
    List<String> enrolledSerials = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      JsonNode dossier = summary.get("dossiers").get(i);
      String intervention = dossier.get("interventionId").asText();
      String where = " FROM intervention WHERE id = '" + intervention + "'";
      if (dossier.get("outcome").asText().equals("FAILED")) {
        // The token that refused the PIN is listed by its label, and its meeting stays open.
        assertTrue(dossier.get("card").asText().contains("'batch-wrong-pin'"), dossier.toString());
        assertEquals("WRONG_PIN", dossier.get("tokenError").get("kind").asText());
        // SoftHSM2, like most PKCS#11 modules, tells no count of tries left.
        assertEquals("Wrong PIN.", dossier.get("tokenError").get("en").asText());
        assertTrue(
            run.err.matches(
                "(?s).*" + (i + 1) + "/4 DOS-K" + (i + 1) + " card token 'batch-wrong-pin'.*"),
            run.err);
        assertEquals("OPEN TOKEN_IDENTIFIED", sqlite(db, "SELECT status || ' ' || step" + where));
        continue;
      }
      assertEquals("ENROLLED", dossier.get("outcome").asText(), dossier.toString());
      assertEquals("OPEN SHEET_PRODUCED", sqlite(db, "SELECT status || ' ' || step" + where));
      String serial = sqlite(db, "SELECT token_serial" + where);
      enrolledSerials.add(serial);
      assertTrue(
          sqlite(db, "SELECT key_evidence" + where).contains("CKA_LOCAL=true"),
          sqlite(db, "SELECT key_evidence" + where));
      assertTrue(Files.isRegularFile(Path.of(sqlite(db, "SELECT sheet_path" + where))));
    }
    assertEquals(2, enrolledSerials.size());
    assertNotEquals(enrolledSerials.get(0), enrolledSerials.get(1), "two tokens, one each");
    assertTrue(
        enrolledSerials.containsAll(List.of(serials.get("batch-a"), serials.get("batch-c"))),
        enrolledSerials + " " + serials);

    for (String label : List.of("batch-a", "batch-c")) {
      // Each holder chose their PIN before the key was made (C_SetPIN).
      String access =
          privateKeyAccess(
              configuration, label, fr.aed.station.app.device.TokenConnectors.SIMULATED_HOLDER_PIN);
      assertTrue(access.contains("sensitive"), label + ": " + access);
      assertTrue(access.contains("never extractable"), label + ": " + access);
      assertTrue(access.contains("local"), label + ": " + access);
    }
    assertEquals("", privateKeyAccess(configuration, "batch-wrong-pin", "654321"));
  }

  private record Run(int code, String out, String err) {}

  // The station's main class on this JVM's class path (surefire's), with the test's SoftHSM2.
  private Run station(Path configuration, String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("fr.aed.station.app.Station");
    command.addAll(List.of(arguments));
    Path out = dir.resolve("batch.out");
    Path err = dir.resolve("batch.err");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("SOFTHSM2_CONF", configuration.toString());
    Process process = builder.start();
    if (!process.waitFor(150, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the batch did not end:\n" + Files.readString(err));
    }
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private Path softHsmConfiguration() throws Exception {
    Path tokens = Files.createDirectory(dir.resolve("tokens"));
    return Files.writeString(
        dir.resolve("softhsm2.conf"),
        "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
  }

  // softhsm2-util, in the test's own token directory; returns the token's serial number.
  private static String initToken(Path configuration, String label, String pin) throws Exception {
    String output =
        tool(
            configuration,
            "softhsm2-util",
            "--init-token",
            "--free",
            "--label",
            label,
            "--so-pin",
            "12345678",
            "--pin",
            pin);
    String shown = tool(configuration, "softhsm2-util", "--show-slots");
    Matcher token =
        Pattern.compile(
                "Serial number:[ \\t]*(\\S+)[ \\t]*\\n\\s*Initialized:[ \\t]*yes[\\s\\S]*?Label:[ \\t]*(\\S+)")
            .matcher(shown);
    while (token.find()) {
      if (token.group(2).equals(label)) {
        return token.group(1);
      }
    }
    throw new AssertionError("no serial for " + label + ": " + output + shown);
  }

  // The Access line of the token's private key as pkcs11-tool shows it; empty when it has none.
  private static String privateKeyAccess(Path configuration, String label, String pin)
      throws Exception {
    String listed =
        tool(
            configuration,
            "pkcs11-tool",
            "--module",
            SOFTHSM2.toString(),
            "--token-label",
            label,
            "-O",
            "--login",
            "--pin",
            pin);
    int privateKey = listed.indexOf("Private Key Object");
    if (privateKey < 0) {
      return "";
    }
    return listed
        .substring(privateKey)
        .lines()
        .filter(l -> l.contains("Access:"))
        .findFirst()
        .orElse("no Access line: " + listed);
  }

  private static String tool(Path configuration, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SOFTHSM2_CONF", configuration.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
    return output;
  }

  private static Enrollment withId(Enrollment sample, String id) {
    Dossier d = sample.dossier();
    return new Enrollment(
        new Dossier(
            id, d.orderReference(), d.product(), d.validityYears(), d.holder(), d.company()),
        sample.meeting());
  }

  private static String sqlite(Path db, String query) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(query)) {
      return r.next() ? r.getString(1) : null;
    }
  }
}
