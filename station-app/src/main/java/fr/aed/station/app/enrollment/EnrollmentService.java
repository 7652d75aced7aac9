package fr.aed.station.app.enrollment;

import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.device.TokenFailureMessage;
import fr.aed.station.app.device.TokenFailureTexts;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.dossier.DossierFileException;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.officer.MeetingOfficer;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.officer.OfficerMismatchException;
import fr.aed.station.app.pin.PinUnavailableException;
import fr.aed.station.app.rules.MeetingRules;
import fr.aed.station.app.sheet.SheetRenderer;
import fr.aed.station.app.store.InterventionState;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.OfficerKeyring;
import fr.aed.station.app.store.OfficerProfiles;
import fr.aed.station.app.store.Step;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.pades.TimestampAuthority;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.TokenFailure;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the face-to-face enrollment, step by step: dossier, checks, token, PIN, key pair on the
 * token, certificate request, intervention sheet. Each step is recorded with its journal event
 * before the next begins; a failure leaves what was recorded intact and says what happened.
 */
public final class EnrollmentService {

  private final InterventionStore store;
  private final SheetRenderer sheetRenderer;
  private final Clock clock;
  private final OfficerCredential officer;
  private final Optional<TimestampAuthority> timestamps;
  private boolean signsSheets = true;
  private DocumentCatalogue catalogue = DocumentCatalogue.builtIn();
  private MeetingRules rules = new MeetingRules(catalogue);

  /**
   * A service whose sheets are left for the officer to sign: meetings stop, open, once the sheet is
   * produced, and are resumed with a credential.
   */
  public EnrollmentService(InterventionStore store, SheetRenderer sheetRenderer, Clock clock) {
    this(store, sheetRenderer, clock, null);
  }

  /**
   * A service that signs each sheet with the officer's credential (PAdES) and seals the journal
   * when a meeting closes.
   */
  public EnrollmentService(
      InterventionStore store,
      SheetRenderer sheetRenderer,
      Clock clock,
      OfficerCredential officer) {
    this(store, sheetRenderer, clock, officer, Optional.empty());
  }

  /**
   * A service that signs each sheet with the officer's credential and has the signature timestamped
   * by the authority (PAdES baseline T): if the authority gives no timestamp, the sheet stays
   * unsigned and the meeting open, to be resumed.
   */
  public EnrollmentService(
      InterventionStore store,
      SheetRenderer sheetRenderer,
      Clock clock,
      OfficerCredential officer,
      Optional<TimestampAuthority> timestamps) {
    this.store = store;
    this.sheetRenderer = sheetRenderer;
    this.clock = clock;
    this.officer = officer;
    this.timestamps = timestamps;
  }

  /**
   * Runs one enrollment to its end.
   *
   * @throws MeetingRefusedException if the rules refuse the meeting (recorded, no key generated)
   * @throws EnrollmentException if the output folder, the database, the token or the sheet fails;
   *     the message says what happened and the steps recorded before stay recorded
   */
  public EnrollmentOutcome enroll(EnrollmentRequest typed) throws EnrollmentException {
    prepareOutput(typed);
    long started = System.nanoTime();
    EnrollmentRequest request = typed.withEnrollment(held(typed.enrollment()));
    registerOfficerKey();
    String interventionId = begin(request.enrollment());
    EnrollmentRun run = new EnrollmentRun(request, interventionId, store, clock);
    return runSteps(
        run,
        () -> {
          run.recordOpened(started);
          run.recordChecks(refusals(request), catalogue);
          run.onToken(TokenSteps.PinStage.FACTORY);
          run.finish(sheetRenderer, signing(), null, catalogue);
        });
  }

  /**
   * Resumes a meeting that was interrupted (card pulled, wrong PIN, crash, power cut) from the last
   * step it completed. The token steps are done again when the request was not built yet: a key
   * pair generated before the interruption is replaced in its slot.
   *
   * @param interventionId the meeting to resume
   * @param request the token, PIN, key type (used when no key was generated yet) and output folder;
   *     its enrollment is ignored, the recorded one is used
   * @throws EnrollmentException if there is no such meeting, it has ended, or a step fails again
   */
  public EnrollmentOutcome resume(String interventionId, EnrollmentRequest request)
      throws EnrollmentException {
    prepareOutput(request);
    InterventionState state = resumableState(interventionId);
    requireCardStillNeeded(state, request);
    EnrollmentRequest recorded = recordedRequest(state, request);
    requireOfficersCard(recorded.enrollment());
    EnrollmentRun run = new EnrollmentRun(recorded, interventionId, store, clock);
    return runSteps(
        run,
        () -> {
          run.recordResumed(state.step());
          if (!state.reached(Step.CHECKS_RECORDED)) {
            run.recordChecks(refusals(recorded), catalogue);
          }
          if (state.reached(Step.REQUEST_BUILT)) {
            run.restoreTokenSteps(state);
          } else {
            run.onToken(
                state.pinChosen() ? TokenSteps.PinStage.CHOSEN : TokenSteps.PinStage.MAYBE_CHANGED,
                new TokenSteps.RecordedCard(state.tokenBackend(), state.tokenSerial()));
          }
          run.finish(sheetRenderer, signing(), state, catalogue);
        });
  }

  /**
   * A service that stops each meeting at its produced sheet, for the holder to sign it first (on
   * screen, or on paper then scanned); the officer's credential seals and opens identities but
   * signs nothing until the meeting is resumed by a service that signs.
   */
  public static EnrollmentService untilSheet(
      InterventionStore store,
      SheetRenderer sheetRenderer,
      Clock clock,
      OfficerCredential officer) {
    EnrollmentService service = new EnrollmentService(store, sheetRenderer, clock, officer);
    service.signsSheets = false;
    return service;
  }

  /** The same service, judging the document examinations by {@code catalogue}. */
  EnrollmentService judgingBy(DocumentCatalogue given) {
    catalogue = given;
    rules = new MeetingRules(given);
    return this;
  }

  private SheetSigning signing() {
    return new SheetSigning(signsSheets ? officer : null, timestamps);
  }

  /**
   * Runs the steps; a failure is recorded as an interruption and said in one message. A refused
   * meeting is sealed at once when the officer's card is there: its record cannot be rewritten
   * later without the card.
   */
  private EnrollmentOutcome runSteps(EnrollmentRun run, Steps steps) throws EnrollmentException {
    try {
      steps.run();
      return run.outcome();
    } catch (MeetingRefusedException refused) {
      sealRefusal(run.interventionId());
      throw refused;
    } catch (TokenException e) {
      throw run.interrupted("token: " + tokenReason(e), e);
    } catch (PinUnavailableException e) {
      throw run.interrupted("token: " + e.getMessage(), e);
    } catch (IOException e) {
      throw run.interrupted("output: " + e.getMessage(), e);
    } catch (StoreException e) {
      throw new EnrollmentException(e.getMessage(), run.interventionId(), e);
    }
  }

  private void sealRefusal(String interventionId) {
    if (officer == null) {
      return;
    }
    try {
      store.sealJournal(interventionId, officer.key(), officer.certificate(), clock.instant());
    } catch (StoreException | fr.aed.station.crypto.DeviceSigningException e) {
      // The refusal stands as recorded; the next seal or checkpoint covers it.
    }
  }

  // The failure as the officer reads it (the card removed, pcscd stopped, tries left), in English
  // as the rest of the record; the token's own words when it is of no kind the driver knows.
  private static String tokenReason(TokenException e) {
    TokenFailureMessage explained = TokenFailureTexts.describe(e);
    return explained.kind() == TokenFailure.OTHER ? e.getMessage() : TokenFailureTexts.recorded(e);
  }

  @FunctionalInterface
  private interface Steps {
    void run()
        throws TokenException,
            PinUnavailableException,
            IOException,
            StoreException,
            EnrollmentException;
  }

  // A new card is for a meeting whose key is still to be made: once the request is built on the
  // recorded card, that card holds the key the certificate will be for.
  private static void requireCardStillNeeded(InterventionState state, EnrollmentRequest request)
      throws EnrollmentException {
    if (request.setup().newCard() && state.reached(Step.REQUEST_BUILT)) {
      throw new EnrollmentException(
          "the request of "
              + state.id()
              + " is already built with the key of card n° "
              + state.tokenSerial()
              + ": a new card needs a new meeting (resume without --new-card goes on)",
          state.id(),
          null);
    }
  }

  private InterventionState resumableState(String interventionId) throws EnrollmentException {
    InterventionState state;
    try {
      state =
          store
              .state(interventionId)
              .orElseThrow(
                  () ->
                      new EnrollmentException(
                          "no intervention " + interventionId + ": see `station list`",
                          null,
                          null));
    } catch (StoreException e) {
      throw new EnrollmentException(e.getMessage(), interventionId, e);
    }
    if (state.ended()) {
      throw new EnrollmentException(
          "intervention " + interventionId + " is " + state.status() + ": nothing to resume",
          interventionId,
          null);
    }
    requireRecordHolds(interventionId);
    return state;
  }

  // What is recorded must read back as it was written, whoever typed it (a file, the window's
  // form, the wizard): held to the enrollment file's text policy, by the registered officer.
  private Enrollment held(Enrollment typed) throws EnrollmentException {
    try {
      Enrollment readable = EnrollmentFile.parse("the meeting", EnrollmentFile.toJson(typed));
      return MeetingOfficer.heldBy(
          readable,
          new OfficerProfiles(store).load().map(OfficerProfiles.OfficerProfile::officer),
          Optional.ofNullable(officer));
    } catch (DossierFileException | OfficerMismatchException | StoreException e) {
      throw new EnrollmentException(e.getMessage(), null, e);
    }
  }

  private void requireOfficersCard(Enrollment recorded) throws EnrollmentException {
    if (officer == null) {
      return;
    }
    try {
      MeetingOfficer.requireIssuedTo(officer.certificate(), recorded.meeting().officer());
    } catch (OfficerMismatchException e) {
      throw new EnrollmentException(e.getMessage(), null, e);
    }
  }

  // A meeting resumes with what was recorded and previewed, nothing else: a record changed behind
  // the journal's back (the dossier, the request, the step reached) is refused before the card.
  private void requireRecordHolds(String interventionId) throws EnrollmentException {
    try {
      if (!store.recordHolds(interventionId)) {
        throw new EnrollmentException(
            "the record of "
                + interventionId
                + " is not the one the journal recorded (changed behind it): not resumed; see"
                + " `station journal verify`",
            interventionId,
            null);
      }
    } catch (StoreException e) {
      throw new EnrollmentException(e.getMessage(), interventionId, e);
    }
  }

  private void registerOfficerKey() throws EnrollmentException {
    if (officer == null || officer.keyManagement() == null) {
      return;
    }
    try {
      new OfficerKeyring(store).register(officer.keyManagement(), clock.instant());
    } catch (StoreException | IllegalArgumentException e) {
      throw new EnrollmentException(e.getMessage(), null, e);
    }
  }

  // The officer's card is asked to open the identity document only when a step still to come
  // needs it: the checks and the sheet. Signing a produced sheet does not.
  private String recordedJson(InterventionState state) throws EnrollmentException {
    return state.identityIsSealed() && !state.reached(Step.SHEET_PRODUCED)
        ? new SealedIdentities(store, officer).open(state)
        : state.enrollmentJson();
  }

  private EnrollmentRequest recordedRequest(InterventionState state, EnrollmentRequest request)
      throws EnrollmentException {
    try {
      Enrollment enrollment = EnrollmentFile.parseBeforeProofing(state.id(), recordedJson(state));
      KeyType keyType =
          state.keyAlgorithm() != null ? KeyType.fromId(state.keyAlgorithm()) : request.keyType();
      return new EnrollmentRequest(
          enrollment,
          request.token(),
          request.pin(),
          request.setup(),
          keyType,
          request.outputDirectory(),
          request.listener(),
          request.attestedAt());
    } catch (DossierFileException e) {
      throw new EnrollmentException(
          "the recorded dossier of " + state.id() + " cannot be read: " + e.getMessage(),
          state.id(),
          e);
    }
  }

  /** The meeting's rules and the request lint, together: every reason to refuse at once. */
  private List<MeetingRules.Refusal> refusals(EnrollmentRequest request) {
    List<MeetingRules.Refusal> refusals = new ArrayList<>(rules.reasons(request.enrollment()));
    refusals.addAll(rules.atRecording(request.enrollment().meeting(), LocalDateTime.now(clock)));
    RequestPreview.of(request.enrollment().dossier(), request.keyType()).errors().stream()
        // the meeting's rules already report an invalid SIRET, in the officer's words
        .filter(finding -> !finding.code().equals("INVALID_SIRET"))
        .map(finding -> MeetingRules.Refusal.of("rules.request", LintWords.of(finding)))
        .forEach(refusals::add);
    return refusals;
  }

  private static void prepareOutput(EnrollmentRequest request) throws EnrollmentException {
    try {
      OutputFiles.prepare(request.outputDirectory());
    } catch (IOException e) {
      throw new EnrollmentException(
          e.getMessage() + ": choose a writable folder with --out", null, e);
    }
  }

  private String begin(Enrollment enrollment) throws EnrollmentException {
    try {
      return store.begin(enrollment, EnrollmentFile.toJson(enrollment), clock.instant());
    } catch (StoreException e) {
      throw new EnrollmentException(e.getMessage(), null, e);
    }
  }
}
