package fr.aed.station.token;

/**
 * The card or token refused an operation that needs the holder's PIN: either the PIN was not
 * verified in this session, or it was presented right before and the card refused the key all the
 * same ({@link #pinPresented()}).
 */
public class LoginRequiredException extends TokenException {

  private final boolean pinPresented;

  /** The PIN was not verified in this session. */
  public LoginRequiredException(String message) {
    this(message, null, false);
  }

  /** The PIN was not verified in this session. */
  public LoginRequiredException(String message, Throwable cause) {
    this(message, cause, false);
  }

  /**
   * @param pinPresented whether the PIN had been presented to the card right before it refused
   *     (then the PIN was verified: the key's own rule refused)
   */
  public LoginRequiredException(String message, Throwable cause, boolean pinPresented) {
    super(message, cause);
    this.pinPresented = pinPresented;
  }

  /**
   * Whether the PIN had been presented to the card right before it refused (a "PIN always" key with
   * another command in between, or a PIN policy the station did not know); false when the PIN was
   * not verified.
   */
  public boolean pinPresented() {
    return pinPresented;
  }
}
