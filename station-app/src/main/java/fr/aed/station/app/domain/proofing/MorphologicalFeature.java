package fr.aed.station.app.domain.proofing;

/**
 * The facial features the officer compares between the portrait and the person present, one by one
 * (BIN-8.4.4-03: a morphological analysis against a defined list).
 */
public enum MorphologicalFeature {
  FACE_SHAPE,
  HAIRLINE_AND_FOREHEAD,
  EYEBROWS,
  EYES,
  NOSE,
  MOUTH_AND_LIPS,
  CHIN_AND_JAW,
  EARS,
  MARKS
}
