package fr.aed.station.app.domain.proofing;

/** How one facial feature of the portrait compares with the person present. */
public enum Likeness {
  /** The same on the portrait and on the person. */
  SIMILAR,
  /** Clearly unlike. */
  DIFFERENT,
  /** Hidden or not visible on the portrait or the person. */
  NOT_VISIBLE
}
