package fr.aed.station.app.audit;

/** What the audit finds for one requirement. */
public enum Verdict {
  /** The meeting's record shows the requirement met. */
  MET,
  /** The record shows it not met, or lacks what should show it. */
  NOT_MET,
  /** The requirement does not apply to this meeting (the why is said). */
  NOT_APPLICABLE
}
