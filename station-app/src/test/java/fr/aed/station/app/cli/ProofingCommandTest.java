package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aed.station.app.catalogue.CatalogueDocument;
import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.catalogue.SecurityFeature;
import fr.aed.station.app.dossier.EnrollmentFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code station proofing draw}: the features an officer at the terminal examines, journaled. */
class ProofingCommandTest {

  @TempDir Path data;

  private final CatalogueDocument card2021 = DocumentCatalogue.builtIn().entry("FRA-ID-2021").get();

  @Test
  void drawsThreeDistinctFeaturesOfTheDocumentAndJournalsTheDraw() throws Exception {
    StationRun run = StationRun.on(data, "proofing", "draw", "--document", "ID_CARD", "--json");

    assertEquals(0, run.code(), run.err());
    JsonNode printed = EnrollmentFile.mapper().readTree(run.out());
    assertEquals("FRA-ID-2021", printed.path("document").asText());
    List<String> drawn = new ArrayList<>();
    printed.path("features").forEach(feature -> drawn.add(feature.path("id").asText()));
    assertEquals(3, new HashSet<>(drawn).size(), run.out());
    Set<String> ofTheCard =
        new HashSet<>(card2021.features().stream().map(SecurityFeature::id).toList());
    assertTrue(ofTheCard.containsAll(drawn), drawn + " not all features of the card");
    assertEquals(List.of("FEATURES_DRAWN " + String.join(" ", drawn)), journaledDraws());
  }

  @Test
  void oneMoreFeatureIsNeverOneAlreadyDrawn() throws Exception {
    List<String> ids = card2021.features().stream().map(SecurityFeature::id).toList();
    List<String> allButOne = ids.subList(0, ids.size() - 1);

    StationRun run =
        StationRun.on(
            data,
            "proofing",
            "draw",
            "--document",
            "ID_CARD",
            "--count",
            "1",
            "--exclude",
            String.join(",", allButOne),
            "--lang",
            "en");

    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("- " + ids.get(ids.size() - 1) + ":"), run.out());
    allButOne.forEach(id -> assertFalse(run.out().contains("- " + id + ":"), run.out()));
  }

  @Test
  void aDocumentTheCatalogueDoesNotAcceptIsRefusedAndNothingIsDrawn() throws Exception {
    StationRun run =
        StationRun.on(data, "proofing", "draw", "--document", "PASSPORT", "--state", "XXX");

    assertEquals(1, run.code(), run.out());
    assertTrue(run.err().contains("accepts no PASSPORT issued by XXX"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void fewerThanThreeFeaturesIsNotADraw() {
    StationRun run =
        StationRun.on(data, "proofing", "draw", "--document", "ID_CARD", "--count", "2");

    assertEquals(2, run.code(), run.out());
    assertTrue(run.err().contains("--count: a draw is of 3 features"), run.err());
    StationRun more =
        StationRun.on(data, "proofing", "draw", "--document", "ID_CARD", "--count", "100");
    assertEquals(2, more.code(), more.out());
  }

  @Test
  void theCertificateAuthoritysCatalogueInTheDataFolderIsTheOneDrawnFrom() throws Exception {
    ObjectNode catalogue =
        (ObjectNode)
            EnrollmentFile.mapper()
                .readTree(DocumentCatalogue.class.getResourceAsStream("document-catalogue.json"));
    catalogue.put("version", "AC-2027-01");
    Files.writeString(data.resolve("document-catalogue.json"), catalogue.toString());

    StationRun run = StationRun.on(data, "proofing", "draw", "--document", "ID_CARD");

    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("catalogue des pièces AC-2027-01"), run.out());
  }

  @Test
  void aBrokenCatalogueInTheDataFolderIsSaidAndNeverReplacedByTheStationsOwn() throws Exception {
    Files.writeString(data.resolve("document-catalogue.json"), "{\"version\": \"AC\"}");

    StationRun run = StationRun.on(data, "proofing", "draw", "--document", "ID_CARD");

    assertEquals(1, run.code(), run.out());
    assertTrue(run.err().contains("document-catalogue.json"), run.err());
    assertEquals("", run.out());
    assertFalse(Files.exists(data.resolve("station.db")), "nothing drawn, nothing recorded");
  }

  @Test
  void aLanguageNeitherFrenchNorEnglishIsRefusedBeforeAnyDraw() {
    StationRun run =
        StationRun.on(data, "proofing", "draw", "--document", "ID_CARD", "--lang", "xx");

    assertEquals(2, run.code(), run.out());
    assertTrue(run.err().contains("--lang: fr or en, not xx"), run.err());
    assertFalse(Files.exists(data.resolve("station.db")), "nothing drawn, nothing recorded");
  }

  @Test
  void aFeatureToExcludeThatTheDocumentHasNotIsRefusedBeforeAnyDraw() {
    StationRun run =
        StationRun.on(
            data,
            "proofing",
            "draw",
            "--document",
            "ID_CARD",
            "--count",
            "1",
            "--exclude",
            "dovid,hologramme");

    assertEquals(2, run.code(), run.out());
    assertTrue(
        run.err().contains("--exclude: hologramme is no security feature of FRA-ID-2021"),
        run.err());
    assertFalse(Files.exists(data.resolve("station.db")), "nothing drawn, nothing recorded");
  }

  private List<String> journaledDraws() throws Exception {
    List<String> draws = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("station.db"));
        Statement s = db.createStatement();
        ResultSet rows =
            s.executeQuery("SELECT event, detail FROM journal WHERE event = 'FEATURES_DRAWN'")) {
      while (rows.next()) {
        JsonNode detail = EnrollmentFile.mapper().readTree(rows.getString("detail"));
        draws.add(rows.getString("event") + " " + detail.path("drawn").asText());
      }
    }
    return draws;
  }
}
