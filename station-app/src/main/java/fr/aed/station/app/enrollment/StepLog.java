package fr.aed.station.app.enrollment;

import fr.aed.station.app.store.InterventionField;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.Step;
import fr.aed.station.app.store.StepRecord;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.app.text.Message;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where one meeting's steps are recorded and told: the store (step and journal in one transaction),
 * the listener, and each step's duration.
 */
final class StepLog {

  private final InterventionStore store;
  private final String interventionId;
  private final Clock clock;
  private final EnrollmentListener listener;
  private final List<StepTiming> timings = new ArrayList<>();

  StepLog(
      InterventionStore store, String interventionId, Clock clock, EnrollmentListener listener) {
    this.store = store;
    this.interventionId = interventionId;
    this.clock = clock;
    this.listener = listener;
  }

  String interventionId() {
    return interventionId;
  }

  InterventionStore store() {
    return store;
  }

  Clock clock() {
    return clock;
  }

  List<StepTiming> timings() {
    return List.copyOf(timings);
  }

  /** Records the step reached, its journal detail and the fields it fills in. */
  void record(Step step, Map<String, String> detail, Map<InterventionField, String> fields)
      throws StoreException {
    store.record(interventionId, new StepRecord(step, detail, fields), clock.instant());
  }

  /** Journals an event that does not move the meeting to another step. */
  void note(String event, Map<String, String> detail) throws StoreException {
    store.note(interventionId, event, detail, clock.instant());
  }

  /** Tells the listener that a step started at {@code startedNanos} is done. */
  void done(Step step, long startedNanos, Message summary) {
    Duration duration = Duration.ofNanos(System.nanoTime() - startedNanos);
    timings.add(new StepTiming(step, duration.toNanos() / 1e6, summary.inFrench()));
    listener.stepDone(step, duration, summary);
  }

  /** Records the interruption and gives the exception to throw. */
  EnrollmentException interrupted(String reason, Exception cause) {
    try {
      store.recordInterruption(interventionId, reason, clock.instant());
    } catch (StoreException e) {
      cause.addSuppressed(e);
    }
    return new EnrollmentException(
        "enrollment " + interventionId + " interrupted, " + reason, interventionId, cause);
  }
}
