package fr.aed.station.app.gui;

import fr.aed.station.app.catalogue.CatalogueException;
import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.catalogue.FeatureDraw;
import fr.aed.station.app.device.CancellableKeyGeneration;
import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.device.TokenFailureTexts;
import fr.aed.station.app.domain.Attestation;
import fr.aed.station.app.domain.Dossier;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.FeeKind;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.domain.proofing.Proofing;
import fr.aed.station.app.dossier.DossierFileException;
import fr.aed.station.app.enrollment.CardSetup;
import fr.aed.station.app.enrollment.EnrollmentException;
import fr.aed.station.app.enrollment.EnrollmentOutcome;
import fr.aed.station.app.enrollment.EnrollmentRequest;
import fr.aed.station.app.enrollment.MeetingRefusedException;
import fr.aed.station.app.enrollment.NewPinRefusedException;
import fr.aed.station.app.files.PrivateFiles;
import fr.aed.station.app.rules.MeetingRules;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.TokenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The meeting wizard's state: the imported enrollment, what the officer checks and types at each
 * step, the reasons the rules would refuse the meeting as it stands, and the enrollment run off the
 * interface thread with each step shown as it completes.
 */
public final class MeetingWizardViewModel {

  // The holder's signature drawn on screen; attached as "signature-titulaire-" + this name.
  static final String HOLDER_SIGNATURE_FILE = "tracee-a-l-ecran.png";

  private final StationContext context;
  private final MeetingRunner runner;
  private final Enrollment imported;
  private final Runnable onClose;
  private final IdentityStepViewModel identity;
  private final CompanyStepViewModel company;
  private final DocumentStepViewModel document;
  private final PortraitStepViewModel portrait;
  private final BooleanBinding stepUnfinished;
  private final MeetingProofing proofingSteps;
  private final ReadOnlyBooleanWrapper proofingReady = new ReadOnlyBooleanWrapper();
  private final MeetingRules rules = new MeetingRules();

  private final ObjectProperty<WizardStep> step = new SimpleObjectProperty<>(WizardStep.DOSSIER);
  private final ObjectProperty<FeeKind> fee = new SimpleObjectProperty<>();
  private final BooleanProperty formsSigned = new SimpleBooleanProperty();
  private final BooleanProperty simulatedCard = new SimpleBooleanProperty();
  private final StringProperty readerName = new SimpleStringProperty("");
  private final BooleanProperty pullAtKeyGeneration = new SimpleBooleanProperty();
  private final ObjectProperty<KeyType> keyType = new SimpleObjectProperty<>(KeyType.RSA2048);
  private final ObservableList<String> refusals = FXCollections.observableArrayList();
  private final List<String> failures = new ArrayList<>();
  private final ObservableList<CheckLine> standing = FXCollections.observableArrayList();
  private final MeetingAttestations attestations;
  private final EnrollmentProgress run = new EnrollmentProgress();
  private final TokenStepViewModel token;
  private final SheetStepViewModel sheet;
  private final RequestPreviewViewModel request = new RequestPreviewViewModel();
  private final CaExportViewModel export;
  private final HandSignedScanViewModel handSignedScan;
  private final BooleanProperty cancelRequested = new SimpleBooleanProperty();
  private final ReadOnlyBooleanWrapper pinAlreadyChosen = new ReadOnlyBooleanWrapper();
  private final HolderPinViewModel holderPin;
  // The simulated holder card of this meeting, kept across its tries as a real card is: once the
  // holder chose their PIN, a retry finds it on the card. Named after the intervention once it is
  // recorded, so that the meeting taken up from home finds it again.
  private Path simulatedHolderCard;
  // Taken up from the record: the dossier and the checks are what the journal says.
  private final boolean takenUp;
  private boolean pinChosenOnRecordedCard;
  private final BooleanProperty newCard = new SimpleBooleanProperty();
  private final ReadOnlyBooleanWrapper requestRecorded = new ReadOnlyBooleanWrapper();
  private final StringProperty recordedCard = new SimpleStringProperty("");
  // The holder's token of the run under way, whose key generation the officer may cancel.
  private volatile CancellableKeyGeneration holderToken;

  /**
   * @param context the station's shared services
   * @param imported the enrollment file imported, or the sample
   * @param onClose goes back to the home screen
   */
  public MeetingWizardViewModel(StationContext context, Enrollment imported, Runnable onClose) {
    this(context, imported, onClose, null);
  }

  /**
   * Takes up an open meeting at its last recorded step, the holder present again: the remaining
   * steps run as in a new meeting (the holder's PIN on the holder's screen, on the card the record
   * names or a new card the officer chooses as such; the sheet shown; both signatures).
   */
  static MeetingWizardViewModel takingUp(
      StationContext context, RecordedMeeting recorded, Runnable onClose) {
    return new MeetingWizardViewModel(context, recorded.enrollment(), onClose, recorded);
  }

  // The home opens no meeting while the authority's catalogue is broken (StationShell); the service
  // refuses to record one all the same.
  private static DocumentCatalogue catalogueOf(StationContext context) {
    try {
      return context.documentCatalogue();
    } catch (CatalogueException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private MeetingWizardViewModel(
      StationContext context, Enrollment imported, Runnable onClose, RecordedMeeting recorded) {
    this.context = context;
    this.takenUp = recorded != null;
    this.runner = new MeetingRunner(context);
    this.imported = imported;
    this.onClose = onClose;
    this.identity = new IdentityStepViewModel(imported.dossier().holder(), imported.meeting());
    this.company = new CompanyStepViewModel(imported.dossier().company(), imported.meeting());
    this.document =
        new DocumentStepViewModel(
            catalogueOf(context),
            new FeatureDraw(),
            imported.meeting().identityDocument(),
            context.clock());
    this.portrait = new PortraitStepViewModel(context.clock());
    this.stepUnfinished =
        step.isEqualTo(WizardStep.DOCUMENT)
            .and(document.completeProperty().not())
            .or(step.isEqualTo(WizardStep.PORTRAIT).and(portrait.completeProperty().not()));
    this.holderPin =
        new HolderPinViewModel(
            pinAlreadyChosen,
            context.clock(),
            recorded == null || imported.meeting().proofing() == null
                ? null
                : imported.meeting().proofing().consent());
    this.proofingSteps =
        new MeetingProofing(identity, document, portrait, company, holderPin, context.clock());
    fee.set(imported.meeting().fee());
    this.attestations =
        new MeetingAttestations(
            Map.of(
                Attestation.ORIGINAL_SEEN,
                identity.originalSeenProperty(),
                Attestation.FORMS_SIGNED,
                formsSigned),
            imported.meeting(),
            context.clock());
    simulatedCard.set(context.testersMode());
    this.token = new TokenStepViewModel(context, readerName, simulatedCard);
    this.sheet = new SheetStepViewModel(context);
    this.export = new CaExportViewModel(context, runner, run);
    this.handSignedScan = new HandSignedScanViewModel(context, runner, run);
    this.simulatedHolderCard =
        simulatedHolderCard(
            recorded == null ? UUID.randomUUID().toString() : recorded.interventionId());
    // The readers are watched while the token step is shown, and only then.
    step.addListener(
        (obs, old, now) -> {
          if (now == WizardStep.TOKEN) {
            token.startWatching();
          } else {
            token.stopWatching();
          }
          opened(now);
        });
    formsSigned.addListener((obs, old, now) -> updateRefusals());
    identity.mrzProperty().addListener((obs, old, now) -> updateRefusals());
    identity.originalSeenProperty().addListener((obs, old, now) -> updateRefusals());
    for (StringProperty typed :
        List.of(
            identity.printedSurnameProperty(),
            identity.printedGivenNamesProperty(),
            identity.printedBirthDateProperty(),
            identity.mismatchReasonProperty(),
            company.extractReferenceProperty(),
            company.mandateProperty())) {
      typed.addListener((obs, old, now) -> updateRefusals());
    }
    company.authoritySourceProperty().addListener((obs, old, now) -> updateRefusals());
    company.grantorDocumentKeptProperty().addListener((obs, old, now) -> updateRefusals());
    document.onChange(this::updateRefusals);
    portrait.onChange(this::updateRefusals);
    holderPin.consentProperty().addListener((obs, old, now) -> updateRefusals());
    company.checks().addListener((ListChangeListener<CheckLine>) c -> updateRefusals());
    company.kbisOverrideProperty().addListener((obs, old, now) -> updateRefusals());
    keyType.addListener((obs, old, now) -> updateRefusals());
    refusals.addListener((ListChangeListener<String>) c -> updateStanding());
    run.refusedProperty().addListener((obs, old, now) -> updateStanding());
    newCard.addListener((obs, old, now) -> updatePinChosen());
    run.interventionIdProperty().addListener((obs, old, now) -> nameSimulatedCard(now));
    if (recorded != null) {
      takeUp(recorded);
    }
    updateRefusals();
  }

  private Path simulatedHolderCard(String name) {
    return context.databaseFile().resolveSibling("simulated-holder-cards").resolve(name + ".card");
  }

  // The meeting is recorded: its simulated card takes its name, for a later taking up.
  private void nameSimulatedCard(String interventionId) {
    Path named = simulatedHolderCard(interventionId);
    if (interventionId.isEmpty() || named.equals(simulatedHolderCard)) {
      return;
    }
    try {
      if (Files.exists(simulatedHolderCard)) {
        Files.move(simulatedHolderCard, named, StandardCopyOption.REPLACE_EXISTING);
      }
      simulatedHolderCard = named;
    } catch (IOException e) {
      // The card keeps its first name: this wizard still finds it; home will ask for a new card.
    }
  }

  private void takeUp(RecordedMeeting recorded) {
    run.interventionIdProperty().set(recorded.interventionId());
    pinChosenOnRecordedCard = recorded.pinChosen();
    updatePinChosen();
    recorded.keyType().ifPresent(keyType::set);
    requestRecorded.set(recorded.requestBuilt());
    showRecordedCard(recorded);
    run.messageProperty().set(Texts.get("run.taken-up", recorded.interventionId()));
    if (recorded.awaitingSignatures()) {
      run.sheetAwaiting(recorded.interventionId(), recorded.sheet().orElseThrow());
      if (recorded.holderSigned()) {
        sheet.markAttached();
      }
      sheet.preview(recorded.sheet().orElseThrow());
      step.set(WizardStep.SHEET);
    } else {
      step.set(WizardStep.TOKEN);
    }
  }

  private void showRecordedCard(RecordedMeeting recorded) {
    recordedCard.set(
        recorded.cardSerial().isEmpty()
            ? ""
            : Texts.get("token.recorded-card", recorded.cardModel(), recorded.cardSerial()));
  }

  // A new card starts from its own PIN: the holder types it, then chooses theirs again.
  private void updatePinChosen() {
    pinAlreadyChosen.set(pinChosenOnRecordedCard && !newCard.get());
  }

  /** Whether this meeting was taken up from the record (home's resume). */
  public boolean takenUp() {
    return takenUp;
  }

  /**
   * The officer's explicit choice to go on with another card than the one the meeting recorded
   * (lost, broken, kept by the holder): the journal records it; without it another card is refused
   * before any PIN is sent.
   */
  public BooleanProperty newCardProperty() {
    return newCard;
  }

  /** The holder's card the meeting recorded (its model and serial), empty when none was yet. */
  public StringProperty recordedCardProperty() {
    return recordedCard;
  }

  /** Whether the request was recorded already: the sheet is produced without the card. */
  public ReadOnlyBooleanProperty requestRecordedProperty() {
    return requestRecorded.getReadOnlyProperty();
  }

  /** Produces the sheet of a meeting taken up after its request was built: no card, no PIN. */
  public void produceRecordedSheet() {
    if (requestRecorded.get()) {
      generate(new char[0], new char[0]);
    }
  }

  /** The dossier as imported, for the read-only summary. */
  public Enrollment imported() {
    return imported;
  }

  public IdentityStepViewModel identity() {
    return identity;
  }

  public CompanyStepViewModel company() {
    return company;
  }

  /**
   * Whether the proofing is whole but for the holder's consent (the names, the document, the
   * portrait, the authority): the meeting may then be recorded, accepted or refused.
   */
  public ReadOnlyBooleanProperty proofingReadyProperty() {
    return proofingReady.getReadOnlyProperty();
  }

  /** The examination of the document's security features. */
  public DocumentStepViewModel document() {
    return document;
  }

  /** The comparison of the portrait with the person present. */
  public PortraitStepViewModel portrait() {
    return portrait;
  }

  /** The readers and the card, live, on the token step. */
  public TokenStepViewModel token() {
    return token;
  }

  /** The sheet's preview and the holder's signature pad. */
  public SheetStepViewModel sheet() {
    return sheet;
  }

  /** The package for the certificate authority, from the result page of a closed meeting. */
  public CaExportViewModel export() {
    return export;
  }

  /** The holder's screen: the PINs as they type them, checked against the rules. */
  public HolderPinViewModel holderPin() {
    return holderPin;
  }

  /**
   * Whether the holder already replaced the card's PIN in this meeting (an earlier try stopped
   * after it): trying again, the card wants their own PIN only.
   */
  public ReadOnlyBooleanProperty pinAlreadyChosenProperty() {
    return pinAlreadyChosen.getReadOnlyProperty();
  }

  /** The certificate request as it will be built, with the lint's findings. */
  public RequestPreviewViewModel request() {
    return request;
  }

  /**
   * Whether the key may be generated: not when the request lint finds an error, unless the rules
   * refuse the meeting anyway (then no key is generated, the refusal is recorded).
   */
  public boolean generationBlocked() {
    return request.blockingProperty().get() && refusals.isEmpty();
  }

  public ObjectProperty<WizardStep> stepProperty() {
    return step;
  }

  /** The holder signed the request form and the terms of use, as the officer saw. */
  public BooleanProperty formsSignedProperty() {
    return formsSigned;
  }

  public ObjectProperty<FeeKind> feeProperty() {
    return fee;
  }

  /** Whether the holder's token is a fresh simulated card (testers' mode), else a PC/SC reader. */
  public BooleanProperty simulatedCardProperty() {
    return simulatedCard;
  }

  /** Testers' fault: the simulated card is pulled out as the key generation starts. */
  public BooleanProperty pullAtKeyGenerationProperty() {
    return pullAtKeyGeneration;
  }

  public StringProperty readerNameProperty() {
    return readerName;
  }

  public ObjectProperty<KeyType> keyTypeProperty() {
    return keyType;
  }

  public boolean testersMode() {
    return context.testersMode();
  }

  /** Why the rules would refuse the meeting as it stands; empty when they accept it. */
  public ObservableList<String> refusals() {
    return refusals;
  }

  /** What the officer ticks at the meeting, and when they ticked it. */
  public MeetingAttestations attestations() {
    return attestations;
  }

  /**
   * The meeting as it stands, for the officer: what failed first (refused), then the attestations
   * still to confirm (neutral); once refused, the reasons recorded.
   */
  public ObservableList<CheckLine> standing() {
    return standing;
  }

  /** The enrollment run: its steps, its end, the intervention and its sheet. */
  public EnrollmentProgress run() {
    return run;
  }

  /** Goes to the next step, up to the token step (the result comes from the run). */
  public void next() {
    if (step.get().ordinal() < WizardStep.TOKEN.ordinal() && !stepUnfinished().get()) {
      step.set(WizardStep.values()[step.get().ordinal() + 1]);
    }
  }

  /**
   * Whether the step shown must be finished before the next: the document examination until every
   * drawn feature has its verdict, the portrait comparison until its verdict.
   */
  public BooleanBinding stepUnfinished() {
    return stepUnfinished;
  }

  // The proofing steps are gone through in order: none is left behind unfinished.
  private WizardStep furthestReachable() {
    if (!takenUp && !document.completeProperty().get()) {
      return WizardStep.DOCUMENT;
    }
    if (!takenUp && !portrait.completeProperty().get()) {
      return WizardStep.PORTRAIT;
    }
    return WizardStep.TOKEN;
  }

  // The draw and the comparison's start happen when their step first opens.
  private void opened(WizardStep now) {
    if (now == WizardStep.DOCUMENT) {
      document.open();
    } else if (now == WizardStep.PORTRAIT) {
      portrait.open();
    }
  }

  /** Goes back one step, unless the meeting has ended. */
  public void previous() {
    if (!locked() && step.get().ordinal() > 0) {
      step.set(WizardStep.values()[step.get().ordinal() - 1]);
    }
  }

  /** Goes to a step chosen in the list, unless the meeting has ended or is running. */
  public void goTo(WizardStep wanted) {
    if (wanted != null && !locked() && wanted.compareTo(furthestReachable()) <= 0) {
      step.set(wanted);
    }
  }

  // Once recorded, the dossier and the checks are what the journal says: they cannot change.
  private boolean locked() {
    return run.runningProperty().get() || run.recordedBinding().get();
  }

  private void updateRefusals() {
    Enrollment now = enrollment();
    proofingReady.set(takenUp || now.meeting().proofing() != null);
    // A meeting taken up has its checks recorded: the service judges them again, not the form.
    if (takenUp) {
      failures.clear();
      refusals.clear();
      updateStanding();
    } else {
      // What fails whatever the officer ticks: an attestation not ticked yet, a proofing step not
      // done yet, are to confirm. The holder's consent comes on the holder's screen, last.
      Enrollment judged = proofingSteps.withConsentToCome(now);
      failures.clear();
      failures.addAll(
          rules
              .refusals(
                  new Enrollment(
                      judged.dossier(),
                      judged
                          .meeting()
                          .withConfirmations(
                              true,
                              !portrait.completeProperty().get() || portrait.samePerson(),
                              true)))
              .stream()
              .filter(reason -> !MeetingProofing.MISSING.equals(reason.code()))
              .map(Texts::of)
              .toList());
      refusals.setAll(rules.refusals(judged).stream().map(Texts::of).toList());
      updateStanding();
    }
    if (keyType.get() != null) {
      request.update(now.dossier(), keyType.get());
    }
  }

  private void updateStanding() {
    List<CheckLine> lines = new ArrayList<>();
    if (run.refusedProperty().get()) {
      refusals.forEach(reason -> lines.add(new CheckLine(false, reason)));
    } else {
      failures.forEach(reason -> lines.add(new CheckLine(false, reason)));
      lines.addAll(attestations.toConfirm());
      if (!takenUp) {
        lines.addAll(proofingSteps.toConfirm());
      }
    }
    standing.setAll(lines);
  }

  // The recorded proofing for a meeting taken up, else the one the steps made.
  private Proofing proofing() {
    return takenUp ? imported.meeting().proofing() : proofingSteps.proofing();
  }

  /** The enrollment as the officer checked and typed it. */
  Enrollment enrollment() {
    Dossier dossier = imported.dossier();
    MeetingRecord m = imported.meeting();
    MeetingRecord meeting =
        new MeetingRecord(
            m.officer(),
            m.place(),
            m.heldAt(),
            m.identityDocument(),
            identity.mrzProperty().get(),
            identity.originalSeenProperty().get(),
            takenUp ? m.photoMatches() : portrait.samePerson(),
            company.kbisDay().orElse(m.kbisDate()),
            company.kbisOverrideProperty().get(),
            formsSigned.get(),
            takenUp ? m.mandate() : company.recordedMandate(),
            fee.get() == null ? m.fee() : fee.get(),
            proofing());
    Dossier checked =
        new Dossier(
            dossier.id(),
            dossier.orderReference(),
            dossier.product(),
            dossier.validityYears(),
            dossier.holder(),
            company.company());
    return new Enrollment(checked, meeting);
  }

  /**
   * Generates the key pair on the holder's token and enrolls, off the interface thread; or records
   * the refusal when the rules refuse the meeting. Takes both PINs over (the card's current one,
   * the one the holder chose): they are wiped once used.
   */
  public void generate(char[] pin, char[] newPin) {
    if (run.runningProperty().get()
        || run.finishedProperty().get()
        || run.awaitingSignaturesProperty().get()) {
      wipe(pin, newPin);
      return;
    }
    if (generationBlocked()) {
      wipe(pin, newPin);
      run.messageProperty().set(request.verdictProperty().get());
      return;
    }
    if (company.kbisDay().isEmpty()) {
      wipe(pin, newPin);
      run.messageProperty().set(Texts.get("run.fix-kbis-date"));
      return;
    }
    // The meeting is recorded with its proofing whole and the holder's consent, refused or not:
    // no PIN reaches the card before it.
    if (!takenUp && !proofingReady.get()) {
      wipe(pin, newPin);
      run.messageProperty().set(Texts.get("run.proofing-first"));
      return;
    }
    if (!takenUp && holderPin.consentProperty().get() == null) {
      wipe(pin, newPin);
      run.messageProperty().set(Texts.get("run.consent-first"));
      return;
    }
    run.start();
    cancelRequested.set(false);
    holderToken = new CancellableKeyGeneration(connector());
    EnrollmentRequest request =
        new EnrollmentRequest(
            enrollment(),
            holderToken,
            pin::clone,
            newCard.get()
                ? CardSetup.holderChooses(newPin::clone).onNewCard()
                : CardSetup.holderChooses(newPin::clone),
            keyType.get(),
            context.newOutputFolder(),
            (done, duration, summary) ->
                context.ui().execute(() -> run.stepDone(Texts.of(summary))),
            attestations.tickedAt());
    String recorded = run.interventionIdProperty().get();
    context.background().execute(() -> execute(recorded, request, pin, newPin));
  }

  private static void wipe(char[]... secrets) {
    for (char[] secret : secrets) {
      Arrays.fill(secret, '\0');
    }
  }

  private TokenConnector connector() {
    if (simulatedCard.get() && newCard.get()) {
      // The testers' new card: the recorded simulated card is lost, a fresh one takes its file.
      forgetSimulatedHolderCard();
    }
    return simulatedCard.get()
        ? TokenConnectors.savedSimulatedCard(simulatedHolderCard, pullAtKeyGeneration.get())
        : TokenConnectors.fromSpec("pcsc:" + readerName.get().strip());
  }

  // The meeting runs up to its sheet, unsigned: the holder signs it on screen first.
  private void execute(String recorded, EnrollmentRequest request, char[] pin, char[] newPin) {
    try {
      EnrollmentOutcome outcome =
          recorded.isEmpty()
              ? runner.enrollUntilSheet(request)
              : runner.resumeUntilSheet(recorded, request);
      context.ui().execute(() -> sheetProduced(outcome));
    } catch (MeetingRefusedException e) {
      context.ui().execute(() -> ended(() -> refused(e)));
    } catch (EnrollmentException e) {
      Optional<RecordedMeeting> now = recordedNow(e.interventionId());
      context.ui().execute(() -> failedOrCancelled(e, now));
    } catch (StoreException | TokenException | DossierFileException | RuntimeException e) {
      context.ui().execute(() -> run.failed(null, reason(e)));
    } finally {
      wipe(pin, newPin);
    }
  }

  // Read from the record, as the service will when the meeting is tried again.
  private Optional<RecordedMeeting> recordedNow(String interventionId) {
    try {
      return interventionId == null
          ? Optional.empty()
          : Optional.of(runner.recorded(interventionId));
    } catch (StoreException | EnrollmentException | DossierFileException e) {
      return Optional.empty();
    }
  }

  private void failedOrCancelled(EnrollmentException e, Optional<RecordedMeeting> now) {
    pinChosenOnRecordedCard = now.map(RecordedMeeting::pinChosen).orElse(false);
    // The card the record names now is the one to go on with (the box offers a new one instead).
    now.ifPresent(this::showRecordedCard);
    newCard.set(false);
    updatePinChosen();
    run.failed(e.interventionId(), reason(e));
    if (holderToken != null && holderToken.cancelled()) {
      run.messageProperty().set(Texts.get("run.cancelled"));
    }
  }

  // A token's failure in the officer's language (the tries left, the card pulled, pcscd stopped),
  // and a new PIN refused by the rule it breaks; any other failure in the service's words.
  private static String reason(Exception e) {
    Throwable cause = e instanceof EnrollmentException ? e.getCause() : e;
    if (cause instanceof NewPinRefusedException refused) {
      return HolderPinViewModel.explain(refused.problem());
    }
    return TokenFailureTexts.reason(e, Texts.locale());
  }

  /** Whether the officer asked to cancel the key generation of the run under way. */
  public BooleanProperty cancelRequestedProperty() {
    return cancelRequested;
  }

  /**
   * Cancels the key generation of the run under way: at once if the card has not started it, else
   * when the card answers (a card cannot be interrupted mid-command). The meeting is then recorded
   * as interrupted, to be resumed; the key just generated is replaced on resumption.
   */
  public void cancelGeneration() {
    CancellableKeyGeneration running = holderToken;
    if (run.runningProperty().get() && !run.awaitingSignaturesProperty().get() && running != null) {
      running.cancel();
      cancelRequested.set(true);
      run.messageProperty().set(Texts.get("run.cancelling"));
    }
  }

  private void sheetProduced(EnrollmentOutcome outcome) {
    if (outcome.sheetSigned()) {
      ended(() -> run.enrolled(outcome));
      return;
    }
    run.sheetProduced(outcome);
    step.set(WizardStep.SHEET);
    sheet.preview(outcome.sheetPath());
  }

  /**
   * Attaches the holder's signature drawn on the pad to the sheet, unless {@code holderOnPaper}
   * (the holder signs the printed sheet instead: it is sent to the printer first), then has the
   * officer sign the sheet and closes the meeting, off the interface thread.
   */
  public void signSheet(boolean holderOnPaper) {
    if (run.runningProperty().get() || !run.awaitingSignaturesProperty().get()) {
      return;
    }
    if (holderOnPaper) {
      printSheet();
      handSignedScan.holderSignsOnPaper();
    }
    boolean attach = !holderOnPaper && !sheet.attached();
    if (attach && !sheet.signatureDrawnProperty().get()) {
      run.messageProperty().set(Texts.get("run.draw-signature-first"));
      return;
    }
    byte[] signature = attach ? sheet.signaturePng() : null;
    String id = run.interventionIdProperty().get();
    Path sheetPath = run.sheetPathProperty().get();
    run.startSigning();
    context.background().execute(() -> sign(id, sheetPath, signature));
  }

  private void sign(String id, Path sheetPath, byte[] signature) {
    try {
      if (signature != null) {
        Path drawn = PrivateFiles.write(sheetPath.resolveSibling(HOLDER_SIGNATURE_FILE), signature);
        try {
          runner.attachHolderSignature(id, drawn);
        } finally {
          // The signature is personal data: it is kept inside the sheet only.
          Files.deleteIfExists(drawn);
        }
        context.ui().execute(sheet::markAttached);
      }
      EnrollmentOutcome outcome =
          runner.close(
              id,
              keyType.get(),
              sheetPath.getParent(),
              (done, duration, summary) ->
                  context.ui().execute(() -> run.stepDone(Texts.of(summary))));
      context.ui().execute(() -> ended(() -> run.enrolled(outcome)));
    } catch (EnrollmentException e) {
      context.ui().execute(() -> run.failed(id, reason(e)));
    } catch (StoreException
        | TokenException
        | DossierFileException
        | IOException
        | RuntimeException e) {
      context.ui().execute(() -> run.failed(id, reason(e)));
    }
  }

  private void refused(MeetingRefusedException e) {
    refusals.setAll(e.messages().stream().map(Texts::of).toList());
    run.refused(e.interventionId());
  }

  private void ended(Runnable outcome) {
    outcome.run();
    step.set(WizardStep.RESULT);
  }

  /** Opens the sheet with the desktop's viewer. */
  public void openSheet() {
    Path sheet = run.sheetPathProperty().get();
    if (sheet != null && !context.dialogs().openFile(sheet)) {
      run.messageProperty().set(Texts.get("desktop.no-viewer", sheet.toAbsolutePath()));
    }
  }

  /** The hand-signed scan that joins the signed sheet after a meeting signed on paper. */
  public HandSignedScanViewModel handSignedScan() {
    return handSignedScan;
  }

  /** Prints the sheet as it stands through the system's printer dialog. */
  public void printSheet() {
    Path sheet = run.sheetPathProperty().get();
    if (sheet != null) {
      context.dialogs().print(sheet);
    }
  }

  /**
   * Goes back to the home screen, once the officer confirmed leaving a meeting not ended (what they
   * ticked and typed is lost; a recorded meeting is resumed from the home screen). The simulated
   * holder card stays for a meeting to take up again (its key still to be made), else it leaves
   * with its holder.
   */
  public void close() {
    if (!run.runningProperty().get()
        && !export.exportingProperty().get()
        && !handSignedScan.attachingProperty().get()
        && leaveConfirmed()) {
      token.stopWatching();
      if (!awaitingTheCard()) {
        forgetSimulatedHolderCard();
      }
      onClose.run();
    }
  }

  // Recorded, open, and its request not built yet: the meeting will want its card back.
  private boolean awaitingTheCard() {
    return run.recordedBinding().get()
        && !run.finishedProperty().get()
        && !run.awaitingSignaturesProperty().get()
        && !requestRecorded.get();
  }

  private boolean leaveConfirmed() {
    return run.finishedProperty().get()
        || context.dialogs().confirm(Texts.get("wizard.leave.title"), Texts.get("wizard.leave"));
  }

  // The simulated card's file holds its keys and PINs in clear: it is not left behind.
  private void forgetSimulatedHolderCard() {
    try {
      Files.deleteIfExists(simulatedHolderCard);
    } catch (IOException e) {
      simulatedHolderCard.toFile().deleteOnExit();
    }
  }
}
