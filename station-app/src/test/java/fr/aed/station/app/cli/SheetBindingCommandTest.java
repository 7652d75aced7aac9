package fr.aed.station.app.cli;

import static fr.aed.station.app.cli.DemoStations.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.store.JournalForgery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sheet verify} binds a sheet to its meeting: on real sheets of two meetings of one
 * demonstration station and one of another station.
 */
class SheetBindingCommandTest {

  @TempDir static Path dir;
  private static Path station;
  private static Path other;
  private static JsonNode meetingA;
  private static JsonNode meetingB;
  private static JsonNode elsewhere;

  @BeforeAll
  static void twoStations() throws Exception {
    station = dir.resolve("station");
    other = dir.resolve("other-station");
    meetingA = DemoStations.demo(station, dir.resolve("out-a"));
    meetingB = DemoStations.demo(station, dir.resolve("out-b"));
    elsewhere = DemoStations.demo(other, dir.resolve("out-other"));
  }

  private static Path sheet(JsonNode meeting) {
    return Path.of(meeting.get("sheetPath").asText());
  }

  private static String id(JsonNode meeting) {
    return meeting.get("interventionId").asText();
  }

  private static JsonNode verify(Path sheet, Path data, String... options) throws Exception {
    String[] args = new String[options.length + 6];
    args[0] = "sheet";
    args[1] = "verify";
    args[2] = sheet.toString();
    args[3] = "--json";
    args[4] = "--data-dir";
    args[5] = data.toString();
    System.arraycopy(options, 0, args, 6, options.length);
    String[] result = run(args);
    JsonNode node = EnrollmentFile.mapper().readTree(result[1]);
    assertEquals(node.get("valid").asBoolean() ? "0" : "1", result[0], result[2]);
    return node;
  }

  private static JsonNode check(JsonNode report, String name) {
    for (JsonNode c : report.get("checks")) {
      if (c.get("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no check " + name + " in " + report);
  }

  @Test
  void eachSheetOfTheStationPassesWithItsDemonstrationAuthority() throws Exception {
    for (JsonNode meeting : new JsonNode[] {meetingA, meetingB}) {
      JsonNode report = verify(sheet(meeting), station, "--demo");

      assertTrue(report.get("valid").asBoolean(), report.toString());
      assertTrue(check(report, "signer").get("detail").asText().contains("DEMONSTRATION"));
      assertTrue(
          check(report, "journal").get("detail").asText().contains("the journal holds up to it"));
    }
  }

  @Test
  void withoutATrustListTheSignerIsNotClaimedTrusted() throws Exception {
    String[] result =
        run("sheet", "verify", sheet(meetingA).toString(), "--data-dir", station.toString());

    assertEquals("1", result[0], result[2]);
    assertTrue(result[1].contains("[FAILED] signer"), result[1]);
    assertTrue(result[2].contains("--trust-list"), result[2]);
  }

  @Test
  void meetingBsSheetInPlaceOfMeetingAsIsRefusedNamingBoth() throws Exception {
    byte[] original = Files.readAllBytes(sheet(meetingA));
    try {
      Files.write(sheet(meetingA), Files.readAllBytes(sheet(meetingB)));

      JsonNode report = verify(sheet(meetingA), station, "--demo");

      assertFalse(report.get("valid").asBoolean());
      JsonNode record = check(report, "record");
      assertFalse(record.get("passed").asBoolean());
      assertEquals(
          "this is the sheet of " + id(meetingB) + ", not of " + id(meetingA),
          record.get("detail").asText());
    } finally {
      Files.write(sheet(meetingA), original);
    }
  }

  @Test
  void aSheetAndItsRowCopiedFromAnotherStationAreRefused() throws Exception {
    Path copy = DemoStations.copy(station, dir.resolve("copy-row"));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.resolve("station.db"));
        Statement sql = c.createStatement()) {
      sql.execute("ATTACH DATABASE '" + other.resolve("station.db") + "' AS other");
      sql.execute(
          "INSERT INTO intervention SELECT * FROM other.intervention WHERE id = '"
              + id(elsewhere)
              + "'");
    }

    JsonNode report = verify(sheet(elsewhere), copy, "--demo");

    assertFalse(report.get("valid").asBoolean());
    // The row copied with it agrees with the sheet: only the trust list and the journal tell.
    assertTrue(check(report, "record").get("passed").asBoolean(), report.toString());
    JsonNode signer = check(report, "signer");
    assertFalse(signer.get("passed").asBoolean());
    assertTrue(
        signer.get("detail").asText().startsWith("signed with a certificate no trusted authority"),
        signer.toString());
    JsonNode journal = check(report, "journal");
    assertFalse(journal.get("passed").asBoolean());
    assertEquals(
        "no entry of " + id(elsewhere) + " in this station's journal",
        journal.get("detail").asText());
  }

  @Test
  void aSheetWhoseJournalIsBrokenBeforeItsSealFails() throws Exception {
    Path copy = DemoStations.copy(station, dir.resolve("copy-journal"));
    new JournalForgery(copy.resolve("station.db")).editAndRechain(2, "{}");

    JsonNode report = verify(sheet(meetingA), copy, "--demo");

    assertFalse(report.get("valid").asBoolean());
    JsonNode journal = check(report, "journal");
    assertFalse(journal.get("passed").asBoolean());
    assertTrue(
        journal.get("detail").asText().startsWith("the journal is broken at entry "),
        journal.toString());
  }
}
