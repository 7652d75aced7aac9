package fr.aed.station.token.pkcs11;

import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKR_OK;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKR_USER_ALREADY_LOGGED_IN;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKR_USER_TYPE_INVALID;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKU_SO;

import fr.aed.station.token.LoginRequiredException;
import fr.aed.station.token.TokenException;
import java.util.Arrays;

/**
 * Who is logged in to a token through its session, and the PINs kept to log in again: the holder's
 * once verified, for a context-specific login and for logging back in after the security officer;
 * the officer's, for work on objects that the module allows the officer only (ykcs11). Both are
 * wiped by {@link #close()}.
 */
final class Pkcs11Logins implements AutoCloseable {

  /** Work on the token's objects: key generation, certificate writing. */
  interface ObjectWork<R> {
    R run() throws TokenException;
  }

  private final Pkcs11Session session;
  private final SecurityOfficerPin securityOfficer;
  private byte[] holderPin;

  /**
   * @param securityOfficer the officer's PIN, taken over and wiped at close; null when the holder
   *     does everything
   */
  Pkcs11Logins(Pkcs11Session session, SecurityOfficerPin securityOfficer) {
    this.session = session;
    this.securityOfficer = securityOfficer;
  }

  /** Logs the holder in; keeps a copy of the PIN when accepted. Returns the module's CKR_. */
  long loginHolder(byte[] pin) {
    long rv = session.loginUser(pin);
    if (rv == CKR_OK || rv == CKR_USER_ALREADY_LOGGED_IN) {
      forgetHolderPin();
      holderPin = pin.clone();
    }
    return rv;
  }

  /**
   * A copy of the holder's verified PIN, for a context-specific login; the caller wipes it.
   *
   * @throws LoginRequiredException if no PIN was verified in this session
   */
  byte[] holderPin() throws LoginRequiredException {
    if (holderPin == null) {
      throw new LoginRequiredException("verify the holder's PIN first");
    }
    return holderPin.clone();
  }

  /**
   * Runs {@code work} as the owner of the token's objects: the security officer when there is one
   * (the holder logged out first and back in after, whatever happens), else the holder.
   *
   * @throws TokenException if the module refuses the officer's PIN, or needs one and there is none
   */
  <R> R asOwnerOfObjects(String what, ObjectWork<R> work) throws TokenException {
    if (securityOfficer == null) {
      try {
        return work.run();
      } catch (Pkcs11CallException e) {
        throw e.returnValue() == CKR_USER_TYPE_INVALID ? needsOfficer(what, e) : e;
      }
    }
    session.logout();
    byte[] officer = securityOfficer.bytes();
    long rv;
    try {
      rv = session.login(CKU_SO, officer);
    } finally {
      Arrays.fill(officer, (byte) 0);
    }
    if (rv != CKR_OK) {
      logHolderBackIn(null);
      throw new TokenException(
          "the token refused the security officer's PIN for "
              + what
              + ": "
              + Pkcs11Errors.name(rv));
    }
    R result;
    try {
      result = work.run();
    } catch (TokenException | RuntimeException e) {
      session.logout();
      logHolderBackIn(e);
      throw e;
    }
    session.logout();
    logHolderBackIn(null);
    return result;
  }

  static TokenException needsOfficer(String what, Exception cause) {
    return new TokenException(
        what + " needs the security officer's PIN (for ykcs11 the PIV management key)", cause);
  }

  // A failure to log back in is added to the one that interrupted the work, if any.
  private void logHolderBackIn(Exception pending) throws TokenException {
    long rv = holderPin == null ? CKR_OK : session.loginUser(holderPin);
    if (rv == CKR_OK || rv == CKR_USER_ALREADY_LOGGED_IN) {
      return;
    }
    LoginRequiredException lost =
        new LoginRequiredException(
            "the holder's PIN was refused after the security officer's work ("
                + Pkcs11Errors.name(rv)
                + "): verify the PIN again");
    if (pending == null) {
      throw lost;
    }
    pending.addSuppressed(lost);
  }

  private void forgetHolderPin() {
    if (holderPin != null) {
      Arrays.fill(holderPin, (byte) 0);
      holderPin = null;
    }
  }

  /** Wipes the PINs kept; the session's own login ends when the session closes. */
  @Override
  public void close() {
    forgetHolderPin();
    if (securityOfficer != null) {
      securityOfficer.close();
    }
  }
}
