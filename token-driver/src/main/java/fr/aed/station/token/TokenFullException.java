package fr.aed.station.token;

/** The token has no room left for another key or certificate. */
public class TokenFullException extends TokenException {

  public TokenFullException(String message, Throwable cause) {
    super(message, cause);
  }
}
