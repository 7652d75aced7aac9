package fr.aed.station.app.catalogue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Draws the security features the officer examines, at random (VAL-8.3.3-07B), so that a forger
 * cannot know which ones will be looked at.
 */
public final class FeatureDraw {

  private final RandomGenerator random;

  /** A draw from the system's strong random source. */
  public FeatureDraw() {
    this(new SecureRandom());
  }

  /** A draw from {@code random} (tests give a seeded one). */
  public FeatureDraw(RandomGenerator random) {
    this.random = random;
  }

  /**
   * Draws {@code count} features of {@code document} not among {@code alreadyDrawn}; fewer when the
   * document has no more.
   */
  public List<SecurityFeature> draw(
      CatalogueDocument document, int count, Collection<String> alreadyDrawn) {
    List<SecurityFeature> left = new ArrayList<>();
    document.features().stream()
        .filter(feature -> !alreadyDrawn.contains(feature.id()))
        .forEach(left::add);
    List<SecurityFeature> drawn = new ArrayList<>();
    while (drawn.size() < count && !left.isEmpty()) {
      drawn.add(left.remove(random.nextInt(left.size())));
    }
    return drawn;
  }
}
