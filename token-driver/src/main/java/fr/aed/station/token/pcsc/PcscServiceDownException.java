package fr.aed.station.token.pcsc;

import fr.aed.station.token.ClassifiedFailure;
import fr.aed.station.token.SelfClassifiedFailure;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.TokenFailure;

/**
 * The PC/SC service (pcscd on Linux) is not running or stopped answering, or the in-process
 * simulator is not installed. Nothing needs restarting on the station's side: the next attempt
 * opens a new PC/SC context, which reaches pcscd as soon as it runs again (started late, or
 * restarted while the station runs).
 */
public class PcscServiceDownException extends TokenException implements SelfClassifiedFailure {

  private final String detail;

  /** The service failed; {@code detail} says how (the PC/SC error code when there is one). */
  public PcscServiceDownException(String detail, Throwable cause) {
    super("PC/SC service not running: " + detail + ".", cause);
    this.detail = detail;
  }

  /** {@link TokenFailure#SERVICE_DOWN}, with how the service failed. */
  @Override
  public ClassifiedFailure classified() {
    return ClassifiedFailure.of(TokenFailure.SERVICE_DOWN, detail);
  }
}
