package fr.aed.station.app.enrollment;

import fr.aed.station.app.audit.ChecksDetail;
import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.pin.PinUnavailableException;
import fr.aed.station.app.rules.MeetingRules;
import fr.aed.station.app.sheet.SheetRenderer;
import fr.aed.station.app.store.InterventionField;
import fr.aed.station.app.store.InterventionState;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.Step;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.app.text.Message;
import fr.aed.station.crypto.Fingerprints;
import fr.aed.station.token.TokenException;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One enrollment while its steps run, in the order of the meeting. */
final class EnrollmentRun {

  private final EnrollmentRequest request;
  private final StepLog log;
  private TokenResult token;
  private SheetSteps sheet;

  EnrollmentRun(
      EnrollmentRequest request, String interventionId, InterventionStore store, Clock clock) {
    this.request = request;
    this.log = new StepLog(store, interventionId, clock, request.listener());
  }

  String interventionId() {
    return log.interventionId();
  }

  void recordResumed(Step from) throws StoreException {
    long started = System.nanoTime();
    log.note("RESUMED", Map.of("fromStep", from.name()));
    log.done(
        Step.DOSSIER_OPENED,
        started,
        Message.of("step-done.resumed", interventionId(), Message.of("step." + from.name())));
  }

  void recordOpened(long startedNanos) {
    log.done(
        Step.DOSSIER_OPENED,
        startedNanos,
        Message.of("step-done.dossier-opened", enrollment().dossier().id()));
  }

  /** Records the checks, or the refusal with every reason. */
  void recordChecks(List<MeetingRules.Refusal> refusals, DocumentCatalogue catalogue)
      throws StoreException, MeetingRefusedException {
    long started = System.nanoTime();
    if (!refusals.isEmpty()) {
      String reasons =
          refusals.stream()
              .map(refusal -> refusal.recorded().inFrench())
              .collect(Collectors.joining(" "));
      Map<String, String> refused = new TreeMap<>(ChecksDetail.proofing(enrollment(), catalogue));
      refused.putAll(FeatureDraws.provenance(request, interventionId(), log.store(), log.clock()));
      refused.put("reasons", reasons);
      refused.put(ChecksDetail.FAILED_REQUIREMENTS, ChecksDetail.failedRequirements(refusals));
      log.record(Step.REFUSED, refused, Map.of(InterventionField.OUTCOME_REASON, reasons));
      throw new MeetingRefusedException(
          interventionId(), refusals.stream().map(MeetingRules.Refusal::shown).toList());
    }
    MeetingRecord meeting = enrollment().meeting();
    Map<String, String> detail = new TreeMap<>(ChecksDetail.of(enrollment(), catalogue));
    detail.put("fee", meeting.fee().name());
    attestations(meeting, detail);
    detail.putAll(FeatureDraws.provenance(request, interventionId(), log.store(), log.clock()));
    log.record(Step.CHECKS_RECORDED, detail, Map.of());
    log.done(Step.CHECKS_RECORDED, started, Message.of("step-done.checks-recorded"));
  }

  // Who ticked each attestation at the meeting and when, when the window saw it ticked.
  private void attestations(MeetingRecord meeting, Map<String, String> detail) {
    if (request.attestedAt().isEmpty()) {
      return;
    }
    detail.put("formsSigned", Boolean.toString(meeting.formsSigned()));
    detail.put("attestedBy", meeting.officer().name());
    request
        .attestedAt()
        .forEach((attestation, at) -> detail.put(attestation.key() + "At", at.toString()));
  }

  /** The steps on the holder's token. */
  void onToken(TokenSteps.PinStage pinStage)
      throws TokenException,
          PinUnavailableException,
          StoreException,
          IOException,
          EnrollmentException {
    onToken(pinStage, null);
  }

  /** The token steps of a resumed meeting, on the card it recorded unless a new one was chosen. */
  void onToken(TokenSteps.PinStage pinStage, TokenSteps.RecordedCard recorded)
      throws TokenException,
          PinUnavailableException,
          StoreException,
          IOException,
          EnrollmentException {
    token = new TokenSteps(request, log, pinStage, recorded).run();
  }

  /** Takes back, from the record, what a resumed meeting's token steps produced. */
  void restoreTokenSteps(InterventionState state) throws IOException {
    token = new TokenSteps(request, log, TokenSteps.PinStage.CHOSEN).restore(state);
  }

  /** The sheet, the officer's signature, the close and the seal, as far as they can go. */
  void finish(
      SheetRenderer renderer,
      SheetSigning signing,
      InterventionState resumed,
      DocumentCatalogue catalogue)
      throws IOException, StoreException, EnrollmentException {
    sheet = new SheetSteps(request, log, token, catalogue);
    sheet.run(renderer, signing, resumed);
  }

  EnrollmentOutcome outcome() throws IOException {
    return new EnrollmentOutcome(
        interventionId(),
        enrollment().dossier().id(),
        request.keyType().id(),
        token.token().serial(),
        Fingerprints.sha256Hex(token.publicKey().getEncoded()),
        Fingerprints.sha256Hex(token.request().getEncoded()),
        token.requestPath(),
        sheet.sheetPath(),
        sheet.signed(),
        log.store().file(),
        log.timings());
  }

  /** Records the interruption and gives the exception to throw. */
  EnrollmentException interrupted(String reason, Exception cause) {
    return log.interrupted(reason, cause);
  }

  private Enrollment enrollment() {
    return request.enrollment();
  }
}
