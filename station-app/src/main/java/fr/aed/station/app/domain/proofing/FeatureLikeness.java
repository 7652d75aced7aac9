package fr.aed.station.app.domain.proofing;

/**
 * The officer's comparison of one facial feature.
 *
 * @param feature the feature
 * @param likeness similar, different, or not visible
 */
public record FeatureLikeness(MorphologicalFeature feature, Likeness likeness) {}
