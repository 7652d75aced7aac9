package fr.aed.station.token.pcsc;

import fr.aed.station.token.ClassifiedFailure;
import fr.aed.station.token.SelfClassifiedFailure;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.TokenFailure;

/** The reader holds no card, or no card came into it before a deadline. */
public class NoCardException extends TokenException implements SelfClassifiedFailure {

  private final String reader;

  /** No card in the reader named (or matched by) {@code reader}. */
  public NoCardException(String reader) {
    super("No card in reader " + reader + ".");
    this.reader = reader;
  }

  /** {@link TokenFailure#NO_CARD}, with the reader. */
  @Override
  public ClassifiedFailure classified() {
    return ClassifiedFailure.of(TokenFailure.NO_CARD, reader);
  }
}
