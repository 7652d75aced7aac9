package fr.aed.station.app.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.domain.IdentityDocumentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate EXPIRY = LocalDate.of(2030, 1, 1);

  @TempDir Path dataDirectory;

  private final DocumentCatalogue builtIn = DocumentCatalogue.builtIn();

  @Test
  void theBuiltInCatalogueLoadsWithAVersion() {
    assertFalse(builtIn.version().isBlank());
    assertTrue(builtIn.documents().size() >= 6, builtIn.documents()::toString);
  }

  @Test
  void everyEntryHasEnoughFeaturesWrittenInBothLanguages() {
    for (CatalogueDocument document : builtIn.documents()) {
      assertTrue(document.features().size() >= 5, document.id() + " has 5 features or more");
      for (LocalText text : List.of(document.name(), document.issuer(), document.validity())) {
        assertFalse(text.fr().isBlank() || text.en().isBlank(), document.id() + ": " + text);
      }
      for (SecurityFeature feature : document.features()) {
        assertFalse(feature.name().fr().isBlank() || feature.name().en().isBlank(), feature.id());
        assertFalse(
            feature.lookFor().fr().isBlank() || feature.lookFor().en().isBlank(), feature.id());
        assertFalse(feature.lookFor().fr().equals(feature.lookFor().en()), feature.id());
      }
    }
  }

  @Test
  void documentAndFeatureIdsAreUnique() {
    Set<String> documents = new HashSet<>();
    for (CatalogueDocument document : builtIn.documents()) {
      assertTrue(documents.add(document.id()), document.id());
      Set<String> features = new HashSet<>();
      document.features().forEach(feature -> assertTrue(features.add(feature.id()), feature.id()));
    }
  }

  @Test
  void everyKindOfFrenchDocumentHasAnEntry() {
    for (IdentityDocumentType type : IdentityDocumentType.values()) {
      assertTrue(
          builtIn.entryFor(new IdentityDocument(type, "X", "FRA", EXPIRY)).isPresent(),
          type.name());
    }
    assertEquals(
        "FRA-ID-2021",
        builtIn
            .entryFor(new IdentityDocument(IdentityDocumentType.ID_CARD, "X", "FRA", EXPIRY))
            .orElseThrow()
            .id());
  }

  @Test
  void theFrenchCardOf2021HasTheFeaturesTheSampleDraws() {
    CatalogueDocument card = builtIn.entry("FRA-ID-2021").orElseThrow();

    assertTrue(card.features().size() >= 6);
    for (String id : List.of("dovid", "ghost-image", "tactile-relief")) {
      assertTrue(card.feature(id).isPresent(), id);
    }
  }

  @Test
  void europeanCardsAndPassportsAreCoveredByTheirIcaoCodes() {
    for (String state : List.of("D", "ITA", "NLD", "BEL", "NOR", "ISL", "LIE")) {
      for (IdentityDocumentType type :
          List.of(IdentityDocumentType.ID_CARD, IdentityDocumentType.PASSPORT)) {
        assertTrue(
            builtIn.entryFor(new IdentityDocument(type, "X", state, EXPIRY)).isPresent(),
            type + " " + state);
      }
    }
    // Germany's MRZ code is D, not the ISO code; Switzerland is not in the EEA.
    for (String state : List.of("DEU", "CHE", "GBR", "USA")) {
      assertTrue(
          builtIn
              .entryFor(new IdentityDocument(IdentityDocumentType.ID_CARD, "X", state, EXPIRY))
              .isEmpty(),
          state);
    }
    assertTrue(
        builtIn
            .entryFor(new IdentityDocument(IdentityDocumentType.RESIDENCE_PERMIT, "X", "D", EXPIRY))
            .isEmpty());
  }

  @Test
  void theAuthoritysFileIsPreferredWhenPresent() throws Exception {
    assertEquals(builtIn.version(), DocumentCatalogue.forStation(dataDirectory).version());

    write(catalogue -> catalogue.put("version", "AC-2027-01"));

    assertEquals("AC-2027-01", DocumentCatalogue.forStation(dataDirectory).version());
  }

  @Test
  void aBrokenAuthorityFileIsRefusedNotReplacedByTheBuiltInOne() throws Exception {
    Files.writeString(dataDirectory.resolve(DocumentCatalogue.STATION_FILE), "{\"version\":");

    CatalogueException refused =
        assertThrows(CatalogueException.class, () -> DocumentCatalogue.forStation(dataDirectory));
    assertTrue(refused.getMessage().contains("not a document catalogue"), refused.getMessage());
  }

  @Test
  void aFeatureListedTwiceIsRefused() throws Exception {
    String why =
        refusal(
            catalogue -> {
              ArrayNode features = features(catalogue, 0);
              features.add(features.get(0).deepCopy());
            });
    assertTrue(why.contains("FRA-ID-2021 lists the feature \"dovid\" twice"), why);
  }

  @Test
  void aMissingFieldIsRefusedByName() throws Exception {
    String why = refusal(catalogue -> document(catalogue, 1).remove("reference"));
    assertTrue(why.contains("reference"), why);
  }

  @Test
  void anUnknownFieldIsRefusedByName() throws Exception {
    String why = refusal(catalogue -> document(catalogue, 0).put("colour", "blue"));
    assertTrue(why.contains("colour"), why);
  }

  @Test
  void tooFewFeaturesAreRefused() throws Exception {
    String why =
        refusal(
            catalogue -> {
              ArrayNode features = features(catalogue, 2);
              while (features.size() > 2) {
                features.remove(features.size() - 1);
              }
            });
    assertTrue(why.contains("FRA-PASSPORT has fewer than 3 security features"), why);
  }

  @Test
  void aTextMissingInOneLanguageIsRefused() throws Exception {
    String why =
        refusal(
            catalogue -> ((ObjectNode) features(catalogue, 0).get(1).get("lookFor")).put("en", ""));
    assertTrue(why.contains("laser-portrait: what to look for must be written in French"), why);
  }

  @Test
  void anUnknownToolIsRefused() throws Exception {
    String why =
        refusal(catalogue -> ((ObjectNode) features(catalogue, 0).get(0)).put("tool", "X_RAY"));
    assertTrue(why.contains("X_RAY"), why);
  }

  private String refusal(Consumer<ObjectNode> change) throws IOException {
    Path file = write(change);
    CatalogueException refused =
        assertThrows(CatalogueException.class, () -> DocumentCatalogue.read(file));
    assertTrue(refused.getMessage().startsWith(file.toString()), refused.getMessage());
    return refused.getMessage();
  }

  private Path write(Consumer<ObjectNode> change) throws IOException {
    ObjectNode catalogue;
    try (InputStream in = DocumentCatalogue.class.getResourceAsStream("document-catalogue.json")) {
      catalogue = (ObjectNode) JSON.readTree(in);
    }
    change.accept(catalogue);
    Path file = dataDirectory.resolve(DocumentCatalogue.STATION_FILE);
    JSON.writeValue(file.toFile(), catalogue);
    return file;
  }

  private static ObjectNode document(ObjectNode catalogue, int index) {
    return (ObjectNode) catalogue.get("documents").get(index);
  }

  private static ArrayNode features(ObjectNode catalogue, int index) {
    return (ArrayNode) document(catalogue, index).get("features");
  }
}
