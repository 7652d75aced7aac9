package fr.aed.station.app.gui;

/**
 * Who is signed in at the station, with which card, as the window shows it.
 *
 * @param name the officer's name, as recorded at first run
 * @param demonstrationCard whether the card is the demonstration officer card (testers' mode)
 * @param reader the part of the reader's name that finds the officer's card, empty for the
 *     demonstration card
 * @param certificateSerial the officer's certificate's serial number, in hexadecimal
 */
public record SignedInOfficer(
    String name, boolean demonstrationCard, String reader, String certificateSerial) {

  /** The card, in the officer's words. */
  String card() {
    return demonstrationCard
        ? Texts.get("session.demo-card", certificateSerial)
        : Texts.get("session.reader-card", reader, certificateSerial);
  }
}
