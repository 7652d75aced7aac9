package fr.aed.station.token.pcsc;

import fr.aed.station.token.TokenException;

/** The reader holds no card, or no card came into it before a deadline. */
public class NoCardException extends TokenException implements LocalizedTokenFailure {

  private final transient TokenErrorMessage message;

  /** No card in the reader named (or matched by) {@code reader}. */
  public NoCardException(String reader) {
    this(TokenErrorMessage.of(TokenError.NO_CARD, reader));
  }

  private NoCardException(TokenErrorMessage message) {
    super(message.english());
    this.message = message;
  }

  @Override
  public TokenErrorMessage localizedMessage() {
    return message;
  }
}
