package fr.aed.station.token;

/** A token operation failed; subclasses name the failures a caller handles on their own. */
public class TokenException extends Exception {

  public TokenException(String message) {
    super(message);
  }

  public TokenException(String message, Throwable cause) {
    super(message, cause);
  }
}
