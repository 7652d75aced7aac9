package fr.aed.station.app.domain.proofing;

/** The officer's conclusion of the portrait comparison. */
public enum PortraitVerdict {
  /** The portrait shows the person present. */
  SAME_PERSON,
  /** The portrait does not show the person present: the meeting is refused. */
  NOT_SAME_PERSON
}
