package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.audit.AuditJson;
import fr.aed.station.app.audit.RequirementMap;
import fr.aed.station.app.audit.SampleMeetings;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.store.InterventionStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code station audit} on the demo's meeting, on a refused one and on a broken journal. */
class AuditCommandTest {

  @TempDir Path dir;

  private String demoMeeting(Path data) throws Exception {
    return DemoStations.demo(data, dir.resolve("out")).get("interventionId").asText();
  }

  @Test
  void theDemoMeetingIsSaidRequirementByRequirementInFrench() throws Exception {
    Path data = dir.resolve("data");
    String id = demoMeeting(data);

    StationRun run = StationRun.on(data, "audit", id);

    assertEquals(0, run.code(), run.err());
    List<String> lines = Arrays.asList(run.out().split("\n"));
    int requirements = RequirementMap.builtIn().size();
    assertEquals(requirements + 4, lines.size(), run.out());
    assertTrue(lines.get(0).startsWith("Audit de l'intervention " + id + " (rencontre close)"));
    assertTrue(lines.get(1).startsWith("Journal vérifié : "), lines.get(1));
    String features =
        lines.stream().filter(l -> l.startsWith("VAL-8.3.3-07X  ")).findFirst().orElseThrow();
    assertTrue(
        features.startsWith(
            "VAL-8.3.3-07X  SATISFAITE  3 éléments conformes sur 3 tirés au hasard dans le"
                + " catalogue 2026-12-05 : "),
        features);
    assertTrue(features.matches(".*\\[\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ]$"), features);
    assertTrue(
        lines.contains(
            "BIN-8.4.5-04X  SANS OBJET  Sans objet : le titulaire est représentant légal, nommé sur"
                + " l'extrait, sans délégation.  ["
                + features.substring(features.lastIndexOf('[') + 1)),
        run.out());
    // The magnifier or UV lamp applies when the station's random draw gave a feature needing one.
    String summary = lines.get(lines.size() - 2);
    assertTrue(
        summary.matches(
            requirements
                + " exigences : \\d+ satisfaites, 0 non satisfaites, [12] sans objet ; table des"
                + " exigences "
                + RequirementMap.builtIn().version().replace(".", "\\.")
                + ", catalogue des documents 2026-12-05\\."),
        summary);
    assertFalse(run.out().contains("NOT_MET") || run.out().contains("MAGNIFIER"), run.out());
  }

  @Test
  void inEnglishAndAsJson() throws Exception {
    Path data = dir.resolve("data");
    String id = demoMeeting(data);

    StationRun english = StationRun.on(data, "audit", id, "--lang", "en");
    StationRun json = StationRun.on(data, "audit", id, "--json", "--lang", "en");

    assertEquals(0, english.code(), english.err());
    StationRun trusted = StationRun.on(data, "audit", id, "--lang", "en", "--demo");
    assertEquals(0, trusted.code(), trusted.err());
    assertTrue(
        trusted.out().contains("the seals' certificates judged by the trust list"), trusted.out());
    assertTrue(english.out().contains("(the seals' certificates not judged"), english.out());
    assertTrue(english.out().contains("VAL-8.3.3-07X  MET  3 features conforming of 3 drawn"));
    assertTrue(
        english
            .out()
            .contains(
                "REG-6.4.5-04e  MET  Application accepted and sheet signed by Maître Jean Exemple"
                    + " (DÉMONSTRATION – SANS VALEUR); office and AED identifier: Étude Exemple,"
                    + " commissaires de justice, AED-DEMO-025-01."),
        english.out());
    assertEquals(0, json.code(), json.err());
    JsonNode report = EnrollmentFile.mapper().readTree(json.out());
    assertEquals(AuditJson.FORMAT, report.get("format").asText());
    assertEquals(id, report.get("interventionId").asText());
    assertTrue(report.get("certified").asBoolean());
    assertTrue(report.get("journal").get("holds").asBoolean());
    assertEquals(RequirementMap.builtIn().size(), report.get("findings").size());
    assertEquals(0, report.get("counts").get("notMet").asInt());
    JsonNode first = report.get("findings").get(0);
    assertEquals("REG-6.2.2-05", first.get("id").asText());
    assertEquals("MET", first.get("verdict").asText());
    assertEquals("PHYSICAL_PRESENCE", first.get("evidenceKind").asText());
    assertFalse(first.get("at").isNull());
  }

  @Test
  void aRefusedMeetingExitsWithItsOwnCode() throws Exception {
    Path data = dir.resolve("data");
    String id;
    try (InterventionStore store = InterventionStore.open(data.resolve("station.db"))) {
      id = SampleMeetings.refusedForTraining(store, dir);
    }

    StationRun run = StationRun.on(data, "audit", id, "--lang", "en");

    assertEquals(AuditCommand.NOT_MET, run.code(), run.err());
    assertTrue(run.out().contains("VAL-8.3.3-15X  NOT MET  Refused: "), run.out());
    assertTrue(run.out().contains("At least one requirement is not met."), run.out());
  }

  @Test
  void aBrokenJournalCertifiesNothing() throws Exception {
    Path data = dir.resolve("data");
    String id = demoMeeting(data);
    try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("station.db"));
        Statement edit = sql.createStatement()) {
      edit.execute("DROP TRIGGER IF EXISTS journal_no_update");
      edit.execute(
          "UPDATE journal SET detail = replace(detail, '\"photoMatches\":\"true\"',"
              + " '\"photoMatches\":\"false\"') WHERE event = 'CHECKS_RECORDED'");
    }

    StationRun run = StationRun.on(data, "audit", id, "--lang", "en");
    StationRun json = StationRun.on(data, "audit", id, "--json");

    assertEquals(1, run.code(), run.out());
    assertTrue(run.out().contains("Journal BROKEN at entry "), run.out());
    assertTrue(run.out().contains("The audit certifies nothing."), run.out());
    assertFalse(run.out().contains("VAL-8.3.3-07X"), run.out());
    assertEquals(1, json.code());
    JsonNode report = EnrollmentFile.mapper().readTree(json.out());
    assertFalse(report.get("journal").get("holds").asBoolean());
    assertFalse(report.get("certified").asBoolean());
    assertEquals(0, report.get("findings").size());
  }

  @Test
  void aMeetingExportedAfterItsSealIsStillCertified() throws Exception {
    Path data = dir.resolve("data");
    String id = demoMeeting(data);
    StationRun export =
        StationRun.on(
            data, "export", id, "--out", dir.resolve("export").toString(), "--officer", "demo");
    assertEquals(0, export.code(), export.err());

    StationRun run = StationRun.on(data, "audit", id, "--lang", "en");

    assertEquals(0, run.code(), run.out());
    assertTrue(
        run.out().contains("ISS-8.5.2-07  MET  Journal sealed by the officer's card"), run.out());
  }

  @Test
  void anUnknownInterventionIsAnError() throws Exception {
    Path data = dir.resolve("data");
    demoMeeting(data);

    StationRun run = StationRun.on(data, "audit", "INT-NONE");

    assertEquals(1, run.code());
    assertTrue(run.err().contains("no intervention INT-NONE here"), run.err());
  }
}
