package fr.aed.station.app.batch;

import fr.aed.station.app.batch.DossierOutcome.Outcome;
import fr.aed.station.app.batch.TokenQueue.QueuedToken;
import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.app.device.TokenFailureTexts;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.enrollment.EnrollmentException;
import fr.aed.station.app.enrollment.EnrollmentOutcome;
import fr.aed.station.app.enrollment.EnrollmentRequest;
import fr.aed.station.app.enrollment.EnrollmentService;
import fr.aed.station.app.enrollment.MeetingRefusedException;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.pcsc.NoCardException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Enrolls the tokens of a batch one after another, each with the same service and records as a
 * single enrollment: for each dossier, waits for a token, enrolls it, then, for a card in a reader,
 * waits for the card to be taken out before the next. A refused dossier or a failed token is
 * reported and the batch goes on; the batch stops (the rest reported as skipped) when no token
 * comes or a card is left in the reader within the timeout, or the token service is down.
 */
public final class BatchEnrollment {

  /** Builds the request of one dossier, with the connector of the card that came for it. */
  @FunctionalInterface
  public interface RequestFactory {
    EnrollmentRequest request(int index, Enrollment enrollment, TokenConnector token);
  }

  private final EnrollmentService service;
  private final TokenQueue tokens;
  private final RequestFactory requests;
  private final Duration timeout;
  private final BatchListener listener;

  /**
   * @param timeout how long to wait for each token to come, and for each card to be taken out
   */
  public BatchEnrollment(
      EnrollmentService service,
      TokenQueue tokens,
      RequestFactory requests,
      Duration timeout,
      BatchListener listener) {
    this.service = service;
    this.tokens = tokens;
    this.requests = requests;
    this.timeout = timeout;
    this.listener = listener;
  }

  /** Runs the batch to its end and returns one outcome per dossier, in order. */
  public List<DossierOutcome> run(List<BatchDossier> dossiers) {
    List<DossierOutcome> outcomes = new ArrayList<>();
    String stopped = null;
    for (int i = 0; i < dossiers.size(); i++) {
      BatchDossier dossier = dossiers.get(i);
      int index = i + 1;
      if (!dossier.problem().isEmpty()) {
        report(
            outcomes, failed(index, dossier, "", "", dossier.problem(), Duration.ZERO), dossiers);
        continue;
      }
      if (stopped != null) {
        report(outcomes, skipped(index, dossier, stopped), dossiers);
        continue;
      }
      listener.waitingForCard(index, dossiers.size(), dossier);
      QueuedToken token;
      try {
        token = tokens.next(timeout);
      } catch (NoCardException e) {
        stopped = "no card came within " + timeout.toSeconds() + " s; batch stopped";
        report(outcomes, skipped(index, dossier, stopped), dossiers);
        continue;
      } catch (TokenException e) {
        stopped = e.getMessage() + "; batch stopped";
        report(outcomes, skipped(index, dossier, stopped), dossiers);
        continue;
      }
      report(outcomes, enroll(index, dossier, token), dossiers);
      if (token.mustBeRemoved()) {
        stopped = awaitRemoval(token);
      }
    }
    return outcomes;
  }

  private void report(List<DossierOutcome> outcomes, DossierOutcome outcome, List<?> dossiers) {
    outcomes.add(outcome);
    listener.finished(outcome, dossiers.size());
  }

  // Why the batch must stop, or null when the card was taken out: the next card must be another.
  private String awaitRemoval(QueuedToken card) {
    listener.waitingForRemoval(card.place());
    try {
      if (!tokens.awaitRemoval(card, timeout)) {
        return "the card was left in " + card.place() + "; batch stopped";
      }
      return null;
    } catch (TokenException e) {
      return e.getMessage() + "; batch stopped";
    }
  }

  private DossierOutcome enroll(int index, BatchDossier dossier, QueuedToken token) {
    long started = System.nanoTime();
    Enrollment enrollment = dossier.enrollment().orElseThrow();
    try {
      EnrollmentOutcome done =
          service.enroll(requests.request(index, enrollment, token.connector()));
      return new DossierOutcome(
          index,
          dossier,
          Outcome.ENROLLED,
          done.interventionId(),
          done.tokenSerial(),
          "",
          since(started));
    } catch (MeetingRefusedException e) {
      return new DossierOutcome(
          index,
          dossier,
          Outcome.REFUSED,
          nullToEmpty(e.interventionId()),
          token.place(),
          String.join(" ", e.reasons()),
          since(started));
    } catch (EnrollmentException e) {
      return new DossierOutcome(
          index,
          dossier,
          Outcome.FAILED,
          nullToEmpty(e.interventionId()),
          token.place(),
          e.getMessage(),
          since(started),
          tokenFailure(e).map(TokenFailureTexts::describe));
    } catch (RuntimeException e) {
      // A defect must not cost the remaining holders their turn: report it and go on.
      return failed(index, dossier, "", token.place(), "unexpected failure: " + e, since(started));
    }
  }

  private static DossierOutcome failed(
      int index,
      BatchDossier dossier,
      String interventionId,
      String card,
      String reason,
      Duration elapsed) {
    return new DossierOutcome(
        index, dossier, Outcome.FAILED, interventionId, card, reason, elapsed);
  }

  private static DossierOutcome skipped(int index, BatchDossier dossier, String reason) {
    return new DossierOutcome(index, dossier, Outcome.SKIPPED, "", "", reason, Duration.ZERO);
  }

  // The token's own failure under an enrollment's, to classify it; none when the token did not
  // fail.
  private static Optional<TokenException> tokenFailure(Throwable failure) {
    Throwable e = failure;
    for (int depth = 0; e != null && depth < 16; depth++, e = e.getCause()) {
      if (e instanceof TokenException token) {
        return Optional.of(token);
      }
    }
    return Optional.empty();
  }

  private static Duration since(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
