package fr.aed.station.app.store;

/** The station's database cannot be opened or written; the message says why and what to do. */
public class StoreException extends Exception {

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
