package fr.aed.station.app.domain.proofing;

/** The officer's verdict on one security feature. */
public enum FeatureVerdict {
  /** Conforme: present and as described. */
  CONFORMS,
  /** Non conforme: absent, altered or unlike the description; the meeting is refused. */
  DOES_NOT_CONFORM,
  /** Non vérifiable: cannot be checked here (worn, no tool); another feature is drawn. */
  NOT_VERIFIABLE
}
