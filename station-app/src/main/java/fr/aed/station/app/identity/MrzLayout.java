package fr.aed.station.app.identity;

/** The machine-readable zone layouts the station reads. */
public enum MrzLayout {
  /** ICAO 9303 TD3: passports. */
  TD3(2, 44, "passeport (ICAO TD3, 2 lignes de 44 caractères)"),
  /** ICAO 9303 TD1: ID cards since 2021, residence permits. */
  TD1(3, 30, "carte d'identité ou titre de séjour (ICAO TD1, 3 lignes de 30 caractères)"),
  /** The French ID card of 1988-2021: not ICAO, no expiry date. */
  LEGACY_FRENCH_ID(
      2, 36, "ancienne carte nationale d'identité (modèle 1988-2021, 2 lignes de 36 caractères)");

  private final int lineCount;
  private final int lineLength;
  private final String label;

  MrzLayout(int lineCount, int lineLength, String label) {
    this.lineCount = lineCount;
    this.lineLength = lineLength;
    this.label = label;
  }

  /** Number of lines of the zone. */
  public int lineCount() {
    return lineCount;
  }

  /** Number of characters of each line. */
  public int lineLength() {
    return lineLength;
  }

  /** French description, as shown to the officer. */
  public String label() {
    return label;
  }
}
