package fr.aed.station.app.enrollment;

import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.app.domain.Attestation;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.pin.PinSource;
import fr.aed.station.token.KeyType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * One enrollment to run.
 *
 * @param enrollment the dossier and the meeting record
 * @param token where the holder's token is
 * @param pin asks for the card's current PIN when the token is ready (the factory or transport PIN;
 *     the holder's own PIN when resuming a meeting where it was already changed)
 * @param setup the holder's new PIN and what else the meeting does to the card
 * @param keyType the key pair to generate
 * @param outputDirectory where the request and the sheet are written
 * @param listener told of each step
 * @param attestedAt when the meeting's officer ticked each attestation in the window; empty when
 *     the enrollment file's attestations were confirmed otherwise (at the terminal, by the batch)
 */
public record EnrollmentRequest(
    Enrollment enrollment,
    TokenConnector token,
    PinSource pin,
    CardSetup setup,
    KeyType keyType,
    Path outputDirectory,
    EnrollmentListener listener,
    Map<Attestation, Instant> attestedAt) {

  public EnrollmentRequest {
    attestedAt = Map.copyOf(attestedAt);
  }

  /** A request whose attestations carry no ticking time: they come with the enrollment. */
  public EnrollmentRequest(
      Enrollment enrollment,
      TokenConnector token,
      PinSource pin,
      CardSetup setup,
      KeyType keyType,
      Path outputDirectory,
      EnrollmentListener listener) {
    this(enrollment, token, pin, setup, keyType, outputDirectory, listener, Map.of());
  }

  /** The same request for another enrollment (the one the meeting is held with). */
  public EnrollmentRequest withEnrollment(Enrollment held) {
    return new EnrollmentRequest(
        held, token, pin, setup, keyType, outputDirectory, listener, attestedAt);
  }

  /** The same request, saying when the officer ticked each attestation. */
  public EnrollmentRequest withAttestedAt(Map<Attestation, Instant> ticked) {
    return new EnrollmentRequest(
        enrollment, token, pin, setup, keyType, outputDirectory, listener, ticked);
  }
}
