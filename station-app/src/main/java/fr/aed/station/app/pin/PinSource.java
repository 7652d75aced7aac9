package fr.aed.station.app.pin;

/**
 * Asks for the holder's PIN when the token is ready. The station wipes the returned array once the
 * token has checked it.
 */
@FunctionalInterface
public interface PinSource {

  /**
   * Reads the PIN.
   *
   * @throws PinUnavailableException if no PIN was given (prompt cancelled, variable unset...)
   */
  char[] read() throws PinUnavailableException;
}
