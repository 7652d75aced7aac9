package fr.aed.station.token;

/** The operation needs the holder's PIN, and it was not verified in this session. */
public class LoginRequiredException extends TokenException {

  public LoginRequiredException(String message) {
    super(message);
  }

  public LoginRequiredException(String message, Throwable cause) {
    super(message, cause);
  }
}
