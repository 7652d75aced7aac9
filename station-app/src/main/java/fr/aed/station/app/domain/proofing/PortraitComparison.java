package fr.aed.station.app.domain.proofing;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The officer's comparison of the document's portrait with the person present (TS 119 461
 * BIN-8.4.4-01X, -03, -04X).
 *
 * @param features each facial feature compared
 * @param verdict the conclusion
 * @param differenceReason the officer's written reason when a feature differs and the verdict is
 *     still the same person (a new scar, a beard); empty otherwise
 * @param startedAt when the comparison began
 * @param endedAt when the officer gave the verdict
 */
public record PortraitComparison(
    List<FeatureLikeness> features,
    PortraitVerdict verdict,
    String differenceReason,
    LocalDateTime startedAt,
    LocalDateTime endedAt) {

  public PortraitComparison {
    features = List.copyOf(features);
  }

  /** The time the officer spent comparing. */
  public Duration timeSpent() {
    return Duration.between(startedAt, endedAt);
  }

  /** How many features were found {@code likeness}. */
  public long count(Likeness likeness) {
    return features.stream().filter(feature -> feature.likeness() == likeness).count();
  }
}
