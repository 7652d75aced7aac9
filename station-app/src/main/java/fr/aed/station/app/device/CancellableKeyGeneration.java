package fr.aed.station.app.device;

import fr.aed.station.token.KeySlot;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.Token;
import fr.aed.station.token.TokenException;
import java.security.PublicKey;

/**
 * A token connector whose key generation the officer can cancel. A card cannot be interrupted in
 * the middle of a command, so a cancel asked before the generation refuses to start it, and one
 * asked while the card generates takes effect when the card answers: the generation then fails with
 * a {@link TokenException}, which the enrollment records as an interruption, before the key is
 * recorded or used. Resuming the meeting generates a new key pair in the same slot, which replaces
 * the one the cancelled generation left there.
 */
public final class CancellableKeyGeneration implements TokenConnector {

  private final TokenConnector connector;
  private volatile boolean cancelled;

  /** Wraps {@code connector}, whose tokens it hands out with a cancellable key generation. */
  public CancellableKeyGeneration(TokenConnector connector) {
    this.connector = connector;
  }

  /** Asks for the key generation to be cancelled; it cannot be taken back. */
  public void cancel() {
    cancelled = true;
  }

  public boolean cancelled() {
    return cancelled;
  }

  @Override
  public Token connect() throws TokenException {
    return new CancellableToken(connector.connect());
  }

  private final class CancellableToken extends ForwardingToken {

    private CancellableToken(Token token) {
      super(token);
    }

    @Override
    public PublicKey generateKeyPair(KeySlot slot, KeyType type) throws TokenException {
      if (cancelled) {
        throw new TokenException(
            "key generation cancelled by the officer before it started: the card is unchanged");
      }
      PublicKey generated = super.generateKeyPair(slot, type);
      if (cancelled) {
        throw new TokenException(
            "key generation cancelled by the officer while the card generated: the key left in"
                + " slot "
                + slot.name()
                + " is not used and is replaced when the meeting is resumed");
      }
      return generated;
    }
  }
}
