package fr.aed.station.app.batch;

import fr.aed.station.app.device.TokenFailureMessage;
import java.time.Duration;
import java.util.Optional;

/**
 * What became of one dossier of a batch.
 *
 * @param index its position in the batch, from 1
 * @param dossier the dossier
 * @param outcome enrolled, refused by the rules, failed, or not attempted
 * @param interventionId the meeting recorded, or empty when none was
 * @param card the token's serial when enrolled, else the reader the card was in, or empty
 * @param reason why it was not enrolled; empty when it was
 * @param elapsed from the card's arrival to the end of the enrollment
 * @param tokenError the token's failure, classified with its French and English message, when a
 *     token failure made the enrollment fail
 */
public record DossierOutcome(
    int index,
    BatchDossier dossier,
    Outcome outcome,
    String interventionId,
    String card,
    String reason,
    Duration elapsed,
    Optional<TokenFailureMessage> tokenError) {

  /** An outcome that no token failure explains. */
  public DossierOutcome(
      int index,
      BatchDossier dossier,
      Outcome outcome,
      String interventionId,
      String card,
      String reason,
      Duration elapsed) {
    this(index, dossier, outcome, interventionId, card, reason, elapsed, Optional.empty());
  }

  /** The kinds of outcome. */
  public enum Outcome {
    /** The key pair was generated and the request, sheet and records written. */
    ENROLLED,
    /** The rules refused the meeting; the refusal is recorded, no key was generated. */
    REFUSED,
    /** The dossier could not be read, or the card or the enrollment failed. */
    FAILED,
    /** The batch stopped before this dossier (no card came, a card was left in, no PC/SC). */
    SKIPPED
  }
}
