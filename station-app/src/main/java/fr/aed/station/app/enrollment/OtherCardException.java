package fr.aed.station.app.enrollment;

import fr.aed.station.token.ClassifiedFailure;
import fr.aed.station.token.SelfClassifiedFailure;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.TokenFailure;
import java.util.List;

/**
 * A resumed meeting met another card than the one it recorded while the officer did not choose a
 * new card, or the recorded card itself while the officer chose a new one: the holder's PIN is not
 * sent to it, nothing is written on it.
 */
public final class OtherCardException extends TokenException implements SelfClassifiedFailure {

  private final String recordedSerial;
  private final String foundSerial;

  private OtherCardException(String message, String recordedSerial, String foundSerial) {
    super(message);
    this.recordedSerial = recordedSerial;
    this.foundSerial = foundSerial;
  }

  /** Another card than the recorded one, no new card chosen. */
  static OtherCardException notRecorded(String recordedSerial, String foundSerial) {
    return new OtherCardException(
        "this card (n° "
            + foundSerial
            + ") is not the holder's card the meeting recorded (n° "
            + recordedSerial
            + "): put that card back, or choose a new card explicitly (resume --new-card)",
        recordedSerial,
        foundSerial);
  }

  /** The recorded card itself, a new card chosen. */
  static OtherCardException stillRecorded(String serial) {
    return new OtherCardException(
        "this card (n° "
            + serial
            + ") is the holder's card the meeting recorded, not a new one: go on with it"
            + " without choosing a new card, or put the new card in its place",
        serial,
        serial);
  }

  /** Whether the card found is the recorded one (a new card was asked for). */
  public boolean sameCard() {
    return recordedSerial.equals(foundSerial);
  }

  @Override
  public ClassifiedFailure classified() {
    return sameCard()
        ? new ClassifiedFailure(TokenFailure.RECORDED_CARD, List.of(foundSerial))
        : new ClassifiedFailure(TokenFailure.OTHER_CARD, List.of(recordedSerial, foundSerial));
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
