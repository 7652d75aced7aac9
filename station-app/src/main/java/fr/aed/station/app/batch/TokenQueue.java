package fr.aed.station.app.batch;

import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.token.TokenException;
import java.time.Duration;

/**
 * The holders' tokens brought one after another to a batch: cards in a PC/SC reader, or tokens
 * behind a PKCS#11 module.
 */
public interface TokenQueue {

  /**
   * Waits for the next token; a token already there counts.
   *
   * @return the token that came
   * @throws fr.aed.station.token.pcsc.NoCardException if none came within {@code timeout}
   * @throws TokenException if the token service is down or the wait was interrupted
   */
  QueuedToken next(Duration timeout) throws TokenException;

  /**
   * Waits for {@code token} to be out of the way of the next one, when it must be (a card is taken
   * out of its reader; a PKCS#11 token once enrolled is simply not taken again).
   *
   * @return whether it was, within {@code timeout}
   * @throws TokenException if the token service is down or the wait was interrupted
   */
  boolean awaitRemoval(QueuedToken token, Duration timeout) throws TokenException;

  /**
   * A token that came.
   *
   * @param place where it is, to show: the reader's name, or the PKCS#11 token's label, serial and
   *     slot
   * @param mustBeRemoved whether the next token can come only once this one was taken out
   * @param connector opens it when the enrollment reaches the token step
   */
  record QueuedToken(String place, boolean mustBeRemoved, TokenConnector connector) {}
}
