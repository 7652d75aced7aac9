package fr.aed.station.app.identity;

import fr.aed.station.app.text.Message;

/** The machine-readable zone layouts the station reads. */
public enum MrzLayout {
  /** ICAO 9303 TD3: passports. */
  TD3(2, 44, "mrz.layout.td3"),
  /** ICAO 9303 TD1: ID cards since 2021, residence permits. */
  TD1(3, 30, "mrz.layout.td1"),
  /** The French ID card of 1988-2021: not ICAO, no expiry date. */
  LEGACY_FRENCH_ID(2, 36, "mrz.layout.legacy");

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

  /** Its description, as a message of the catalogue. */
  public Message label() {
    return Message.of(label);
  }
}
