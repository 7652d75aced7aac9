package fr.aed.station.crypto.pades;

/**
 * No usable timestamp was obtained: the authority is unreachable or silent, answers an HTTP error
 * or a refusal, or sends a token that is not for the request (another nonce or message imprint) or
 * does not verify. A signature that asked for a timestamp is then not produced at all.
 */
public class TimestampException extends Exception {

  public TimestampException(String message) {
    super(message);
  }

  public TimestampException(String message, Throwable cause) {
    super(message, cause);
  }
}
