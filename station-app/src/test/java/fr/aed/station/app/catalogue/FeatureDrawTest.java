package fr.aed.station.app.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureDrawTest {

  private static final int DRAWS = 400;

  private final DocumentCatalogue catalogue = DocumentCatalogue.builtIn();

  @Test
  void threeDistinctFeaturesOfTheDocumentAreDrawnForEveryEntry() {
    FeatureDraw draw = new FeatureDraw(new Random(7));
    for (CatalogueDocument document : catalogue.documents()) {
      for (int i = 0; i < DRAWS; i++) {
        List<String> drawn =
            ids(draw.draw(document, DocumentCatalogue.FEATURES_TO_CHECK, List.of()));
        assertEquals(
            DocumentCatalogue.FEATURES_TO_CHECK, new HashSet<>(drawn).size(), document.id());
        drawn.forEach(id -> assertTrue(document.feature(id).isPresent(), document.id() + " " + id));
      }
    }
  }

  @Test
  void aFeatureAlreadyDrawnIsNeverDrawnAgain() {
    FeatureDraw draw = new FeatureDraw(new Random(11));
    for (CatalogueDocument document : catalogue.documents()) {
      for (int i = 0; i < DRAWS; i++) {
        List<String> first =
            ids(draw.draw(document, DocumentCatalogue.FEATURES_TO_CHECK, List.of()));
        List<String> more = ids(draw.draw(document, 1, first));
        assertEquals(1, more.size());
        assertFalse(first.contains(more.get(0)), document.id() + ": " + first + " then " + more);
      }
    }
  }

  @Test
  void noMoreThanTheFeaturesLeftAreDrawn() {
    CatalogueDocument card = catalogue.entry("FRA-ID-2021").orElseThrow();
    List<String> all = ids(card.features());

    assertEquals(List.of(), new FeatureDraw(new Random(3)).draw(card, 2, all));
    assertEquals(
        Set.copyOf(all),
        Set.copyOf(ids(new FeatureDraw(new Random(3)).draw(card, all.size() + 4, List.of()))));
  }

  @Test
  void everyFeatureIsDrawnSometimes() {
    FeatureDraw draw = new FeatureDraw(new Random(13));
    for (CatalogueDocument document : catalogue.documents()) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < DRAWS; i++) {
        seen.addAll(ids(draw.draw(document, DocumentCatalogue.FEATURES_TO_CHECK, List.of())));
      }
      assertEquals(Set.copyOf(ids(document.features())), seen, document.id());
    }
  }

  @Test
  void aSeededDrawIsReproducible() {
    CatalogueDocument card = catalogue.entry("FRA-ID-2021").orElseThrow();
    FeatureDraw one = new FeatureDraw(new Random(2026));
    FeatureDraw other = new FeatureDraw(new Random(2026));
    for (int i = 0; i < 20; i++) {
      assertEquals(ids(one.draw(card, 3, List.of())), ids(other.draw(card, 3, List.of())));
    }
  }

  @Test
  void theStrongDrawGivesFeaturesOfTheDocument() {
    CatalogueDocument passport = catalogue.entry("FRA-PASSPORT").orElseThrow();
    List<String> drawn = ids(new FeatureDraw().draw(passport, 3, List.of()));

    assertEquals(3, Set.copyOf(drawn).size());
    drawn.forEach(id -> assertTrue(passport.feature(id).isPresent(), id));
  }

  private static List<String> ids(List<SecurityFeature> features) {
    return features.stream().map(SecurityFeature::id).toList();
  }
}
