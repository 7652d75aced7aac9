package fr.aed.station.app.domain;

/** What the officer attests at the meeting by ticking a box, having seen it there. */
public enum Attestation {
  /** The original identity document was presented. */
  ORIGINAL_SEEN("originalSeen"),
  /** The document's photo matches the person present. */
  PHOTO_MATCHES("photoMatches"),
  /** The holder signed the request form and the terms of use. */
  FORMS_SIGNED("formsSigned");

  private final String key;

  Attestation(String key) {
    this.key = key;
  }

  /** Its name in the journal and in the enrollment file. */
  public String key() {
    return key;
  }
}
