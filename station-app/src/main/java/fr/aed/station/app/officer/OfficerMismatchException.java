package fr.aed.station.app.officer;

/** The meeting's officer is not the station's registered officer, or not the card's holder. */
public final class OfficerMismatchException extends Exception {

  public OfficerMismatchException(String message) {
    super(message);
  }
}
