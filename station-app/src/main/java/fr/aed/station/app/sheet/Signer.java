package fr.aed.station.app.sheet;

/** Who signs the sheet, each in a box of their own. */
public enum Signer {
  HOLDER("Titulaire"),
  OFFICER("Operateur");

  private final String key;

  Signer(String key) {
    this.key = key;
  }

  /** The name the box is recorded under inside the PDF. */
  String key() {
    return key;
  }
}
