package fr.aed.station.token.pcsc;

import fr.aed.station.token.TokenException;
import java.util.List;

/** No reader's name contains the part the station was given. */
public class NoReaderException extends TokenException implements LocalizedTokenFailure {

  private final transient TokenErrorMessage message;

  /** No reader matches {@code readerNamePart} among the readers {@code present}. */
  public NoReaderException(String readerNamePart, List<String> present) {
    this(TokenErrorMessage.of(TokenError.NO_READER, readerNamePart, names(present)));
  }

  private NoReaderException(TokenErrorMessage message) {
    super(message.english());
    this.message = message;
  }

  private static String names(List<String> present) {
    return present.isEmpty() ? "none" : String.join(", ", present);
  }

  @Override
  public TokenErrorMessage localizedMessage() {
    return message;
  }
}
