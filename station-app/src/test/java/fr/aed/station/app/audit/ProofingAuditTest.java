package fr.aed.station.app.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.store.InterventionStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit of meetings enrolled for real on the simulated card, read back from the store. */
class ProofingAuditTest {

  @TempDir Path dir;

  private Map<String, Finding> byId(AuditReport report) {
    return report.findings().stream()
        .collect(Collectors.toMap(f -> f.requirement().id(), Function.identity()));
  }

  @Test
  void theSampleMeetingMeetsEveryRequirementOfTheMap() throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      String id = SampleMeetings.closed(store, dir);

      AuditReport report = new ProofingAudit(store).audit(id, Locale.FRENCH);

      assertTrue(report.journalHolds());
      assertEquals(
          RequirementMap.builtIn().requirements().stream().map(Requirement::id).toList(),
          report.findings().stream().map(f -> f.requirement().id()).toList());
      List<String> notMet =
          report.findings().stream()
              .filter(f -> f.verdict() == Verdict.NOT_MET)
              .map(f -> f.requirement().id() + ": " + f.evidence().inFrench())
              .toList();
      assertEquals(List.of(), notMet);
      assertTrue(
          report.findings().stream()
              .filter(f -> f.requirement().id().equals("VAL-8.3.3-07B"))
              .findFirst()
              .orElseThrow()
              .evidence()
              .inFrench()
              .contains("Tirage fait par « station proofing draw », gardé au journal du poste"));
      // held at the terminal: the consent is what the file says, not what a holder's screen saw
      assertTrue(
          report.findings().stream()
              .filter(f -> f.requirement().id().equals("INI-8.1-01X"))
              .findFirst()
              .orElseThrow()
              .evidence()
              .inFrench()
              .contains("selon le fichier du rendez-vous tenu au terminal"));
      assertTrue(report.certified());
      assertEquals("2026-12-05", report.catalogueVersion());
      // only the magnifier/UV requirement and the delegation do not apply to the sample
      assertEquals(
          List.of("VAL-8.3.3-16", "BIN-8.4.5-04X"),
          report.findings().stream()
              .filter(f -> f.verdict() == Verdict.NOT_APPLICABLE)
              .map(f -> f.requirement().id())
              .toList());
    }
  }

  // Hostile review: a catalogue planted in the data folder later re-judged old meetings.
  @Test
  void aMeetingIsJudgedByTheCatalogueEntryItsJournalKeptNotTheFoldersOfToday() throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      String id = SampleMeetings.closed(store, dir);
      List<String> before =
          new ProofingAudit(store)
              .audit(id, Locale.FRENCH).findings().stream()
                  .map(
                      f -> f.requirement().id() + " " + f.verdict() + " " + f.evidence().inFrench())
                  .toList();
      String planted =
          new String(
                  DocumentCatalogue.class
                      .getResourceAsStream("document-catalogue.json")
                      .readAllBytes(),
                  java.nio.charset.StandardCharsets.UTF_8)
              .replaceAll(
                  "\"(TILTING|TOUCH|MAGNIFIER|UV_LAMP|TRANSMITTED_LIGHT)\"", "\"NAKED_EYE\"")
              .replace("Carte nationale d'identité (depuis 2021)", "Carte de fantaisie");
      java.nio.file.Files.writeString(dir.resolve("document-catalogue.json"), planted);

      List<String> after =
          new ProofingAudit(store, DocumentCatalogue.forStation(dir))
              .audit(id, Locale.FRENCH).findings().stream()
                  .map(
                      f -> f.requirement().id() + " " + f.verdict() + " " + f.evidence().inFrench())
                  .toList();

      assertEquals(before, after);
      java.nio.file.Files.delete(dir.resolve("document-catalogue.json"));
    }
  }

  // Hostile review: one draw served two meetings; a draw serves once.
  @Test
  void aDrawUsedByOneMeetingIsNoDrawForTheNext() throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      SampleMeetings.closed(store, dir);
      String second = SampleMeetings.closedWithoutItsDraw(store, dir);

      AuditReport report = new ProofingAudit(store).audit(second, Locale.FRENCH);

      assertEquals(
          List.of("VAL-8.3.3-07B"),
          report.findings().stream()
              .filter(f -> f.verdict() == Verdict.NOT_MET)
              .map(f -> f.requirement().id())
              .toList());
    }
  }

  // A file lists its features; only a draw the station's journal kept makes them a random draw.
  @Test
  void featuresNoDrawOfTheStationGaveAreNotARandomDraw() throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      String id = SampleMeetings.closedWithoutItsDraw(store, dir);

      AuditReport report = new ProofingAudit(store).audit(id, Locale.FRENCH);

      assertEquals(
          List.of("VAL-8.3.3-07B"),
          report.findings().stream()
              .filter(f -> f.verdict() == Verdict.NOT_MET)
              .map(f -> f.requirement().id())
              .toList());
    }
  }

  @Test
  void eachFindingSaysItsEvidenceAndItsTime() throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      String id = SampleMeetings.closed(store, dir);

      Map<String, Finding> french = byId(new ProofingAudit(store).audit(id, Locale.FRENCH));
      Map<String, Finding> english = byId(new ProofingAudit(store).audit(id, Locale.ENGLISH));

      Finding features = english.get("VAL-8.3.3-07X");
      assertEquals(
          "3 features conforming of 3 drawn at random from catalogue 2026-12-05:"
              + " \"Optically variable image (DOVID)\" conforming (by tilting the document);"
              + " \"Ghost image\" conforming (by eye); \"Tactile relief\" conforming (by touch).",
          features.evidence().in(Locale.ENGLISH));
      assertTrue(features.at().isPresent());
      assertTrue(
          french
              .get("VAL-8.3.3-07X")
              .evidence()
              .inFrench()
              .startsWith(
                  "3 éléments conformes sur 3 tirés au hasard dans le catalogue 2026-12-05"));
      assertTrue(
          english
              .get("BIN-8.4.5-04X")
              .evidence()
              .in(Locale.ENGLISH)
              .contains("legal representative"));
      assertTrue(english.get("VAL-8.3.3-16").evidence().in(Locale.ENGLISH).contains("magnifier"));
      assertTrue(
          english.get("BIN-8.4.4-04X").evidence().in(Locale.ENGLISH).startsWith("2 min 0 s"));
      assertTrue(english.get("ISS-8.5.2-07").evidence().in(Locale.ENGLISH).contains(id));
    }
  }

  @Test
  void aRefusedMeetingNamesTheRequirementItFailed() throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      String id = SampleMeetings.refusedForTraining(store, dir);

      AuditReport report = new ProofingAudit(store).audit(id, Locale.ENGLISH);
      Map<String, Finding> findings = byId(report);

      assertEquals("REFUSED", report.status());
      assertTrue(report.journalHolds());
      assertFalse(report.certified());
      for (String failed : List.of("VAL-8.3.3-14X", "VAL-8.3.3-15X")) {
        assertEquals(Verdict.NOT_MET, findings.get(failed).verdict(), failed);
        assertTrue(
            findings.get(failed).evidence().in(Locale.ENGLISH).startsWith("Refused: "), failed);
      }
      // the sheet was never produced nor signed: those requirements do not apply
      assertEquals(Verdict.NOT_APPLICABLE, findings.get("REG-6.4.5-04c").verdict());
      assertEquals(
          "Not applicable: the meeting was refused before.",
          findings.get("REG-6.4.5-04c").evidence().in(Locale.ENGLISH));
      // the failed attempt is kept: the result requirement is met
      assertEquals(Verdict.MET, findings.get("ISS-8.5.2-01").verdict());
      assertEquals(Verdict.MET, findings.get("VAL-8.3.3-07X").verdict());
    }
  }

  @Test
  void aFeatureFoundNotConformingIsNotMetWhateverTheRulesDid() throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      String id = SampleMeetings.featureNotConforming(store, dir);

      AuditReport report = new ProofingAudit(store).audit(id, Locale.ENGLISH);

      assertTrue(report.journalHolds());
      assertFalse(report.certified());
      // said as the examination recorded it, or as the refusal that named it
      assertEquals(Verdict.NOT_MET, byId(report).get("VAL-8.3.3-07X").verdict());
    }
  }

  @Test
  void aJournalEntryAlteredInTheDatabaseBreaksTheAudit() throws Exception {
    String id;
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      id = SampleMeetings.closed(store, dir);
    }
    try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("station.db"));
        Statement edit = sql.createStatement()) {
      edit.execute("DROP TRIGGER IF EXISTS journal_no_update");
      edit.execute(
          "UPDATE journal SET detail = replace(detail, 'CONFORMS', 'NOT_VERIFIABLE')"
              + " WHERE event = 'CHECKS_RECORDED'");
    }
    try (InterventionStore store = InterventionStore.openReadOnly(dir.resolve("station.db"))) {
      AuditReport report = new ProofingAudit(store).audit(id, Locale.ENGLISH);

      assertFalse(report.journalHolds());
      assertFalse(report.certified());
      assertEquals(List.of(), report.findings());
      // the officer's key, the features drawn, the meeting opened, the draw used, then its checks
      assertEquals(5, report.journal().brokenLink().orElseThrow().sequence());
    }
  }

  @Test
  void aRecordEditedBehindTheJournalsBackBreaksTheAudit() throws Exception {
    String id;
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      id = SampleMeetings.closed(store, dir);
    }
    try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("station.db"));
        Statement edit = sql.createStatement()) {
      edit.execute(
          "UPDATE intervention SET enrollment_json = replace(enrollment_json, 'Présidente',"
              + " 'Gérante')");
    }
    try (InterventionStore store = InterventionStore.openReadOnly(dir.resolve("station.db"))) {
      AuditReport report = new ProofingAudit(store).audit(id, Locale.ENGLISH);

      assertFalse(report.journalHolds());
      assertTrue(
          report.journal().brokenLink().orElseThrow().reason().contains("differs from its last"));
      assertEquals(List.of(), report.findings());
    }
  }

  @Test
  void anUnknownInterventionIsSaid() throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      AuditException e =
          assertThrows(
              AuditException.class,
              () -> new ProofingAudit(store).audit("INT-NONE", Locale.FRENCH));
      assertTrue(e.getMessage().contains("INT-NONE"));
    }
  }
}
