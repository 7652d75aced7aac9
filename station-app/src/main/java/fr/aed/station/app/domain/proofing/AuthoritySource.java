package fr.aed.station.app.domain.proofing;

/** Where the holder's authority to represent the company comes from (COL-8.2.2.3-03). */
public enum AuthoritySource {
  /** The holder is named as a legal representative on the registration extract. */
  LEGAL_REPRESENTATIVE,
  /** A delegation signed by a legal representative named on the extract. */
  DELEGATION
}
