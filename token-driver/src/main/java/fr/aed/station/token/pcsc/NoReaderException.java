package fr.aed.station.token.pcsc;

import fr.aed.station.token.ClassifiedFailure;
import fr.aed.station.token.SelfClassifiedFailure;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.TokenFailure;
import java.util.List;

/** No reader's name contains the part the station was given. */
public class NoReaderException extends TokenException implements SelfClassifiedFailure {

  private final String readerNamePart;
  private final String present;

  /** No reader matches {@code readerNamePart} among the readers {@code present}. */
  public NoReaderException(String readerNamePart, List<String> present) {
    super(
        "No reader matches '"
            + readerNamePart
            + "'; readers present: "
            + (present.isEmpty() ? "none" : String.join(", ", present))
            + ".");
    this.readerNamePart = readerNamePart;
    this.present = String.join(", ", present);
  }

  /** {@link TokenFailure#NO_READER}, with the part given and the readers present. */
  @Override
  public ClassifiedFailure classified() {
    return ClassifiedFailure.of(TokenFailure.NO_READER, readerNamePart, present);
  }
}
