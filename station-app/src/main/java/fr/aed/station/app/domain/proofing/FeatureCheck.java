package fr.aed.station.app.domain.proofing;

/**
 * The officer's verdict on one drawn feature.
 *
 * @param feature the feature's catalogue identifier
 * @param verdict conforms, does not conform, or cannot be checked
 * @param tool how the officer examined it
 */
public record FeatureCheck(String feature, FeatureVerdict verdict, ExaminationTool tool) {}
