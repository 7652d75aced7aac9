package fr.aed.station.app.domain;

/** Identity documents accepted at the meeting. */
public enum IdentityDocumentType {
  PASSPORT("Passeport"),
  ID_CARD("Carte nationale d'identité"),
  LEGACY_ID_CARD("Carte nationale d'identité (modèle 1988-2021)"),
  RESIDENCE_PERMIT("Titre de séjour");

  private final String label;

  IdentityDocumentType(String label) {
    this.label = label;
  }

  /** The French label printed on the sheet. */
  public String label() {
    return label;
  }
}
