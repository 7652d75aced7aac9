package fr.aed.station.app.enrollment;

import fr.aed.station.token.ClassifiedFailure;
import fr.aed.station.token.SelfClassifiedFailure;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.TokenFailure;
import java.util.List;

/**
 * A resumed meeting met another card than the one it recorded, and the officer did not choose a new
 * card: the holder's PIN is not sent to it, nothing is written on it.
 */
public final class OtherCardException extends TokenException implements SelfClassifiedFailure {

  private final String recordedSerial;
  private final String foundSerial;

  OtherCardException(String recordedSerial, String foundSerial) {
    super(
        "this card (n° "
            + foundSerial
            + ") is not the holder's card the meeting recorded (n° "
            + recordedSerial
            + "): put that card back, or choose a new card explicitly");
    this.recordedSerial = recordedSerial;
    this.foundSerial = foundSerial;
  }

  @Override
  public ClassifiedFailure classified() {
    return new ClassifiedFailure(TokenFailure.OTHER_CARD, List.of(recordedSerial, foundSerial));
  }

  /** The serial of the card the meeting recorded. */
  public String recordedSerial() {
    return recordedSerial;
  }

  /** The serial of the card found. */
  public String foundSerial() {
    return foundSerial;
  }
}
