package fr.aed.station.app.dossier;

/** A dossier file is missing, unreadable or malformed; the message says which and where. */
public class DossierFileException extends Exception {

  public DossierFileException(String message) {
    super(message);
  }
}
