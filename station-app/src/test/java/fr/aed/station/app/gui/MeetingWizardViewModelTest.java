package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.domain.Attestation;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.FeeKind;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.store.InterventionState;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.Step;
import fr.aed.station.crypto.Fingerprints;
import fr.aed.station.crypto.journal.ChainedEntry;
import fr.aed.station.crypto.pades.PadesVerifier;
import fr.aed.station.crypto.pades.SheetSignatureReport;
import fr.aed.station.token.KeyType;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeetingWizardViewModelTest {

  // The photo is no longer a box: the portrait comparison step gives it.
  private static final Set<Attestation> TICKED =
      Set.of(Attestation.ORIGINAL_SEEN, Attestation.FORMS_SIGNED);

  @TempDir Path dir;

  private final TestContexts.FakeDialogs dialogs = new TestContexts.FakeDialogs();
  private boolean closed;

  // The sample, its attestations ticked by the officer.
  private MeetingWizardViewModel sample() {
    return Meetings.attested(
        new MeetingWizardViewModel(
            TestContexts.sameThread(dir, dialogs),
            SampleEnrollment.at(LocalDateTime.now()),
            () -> closed = true));
  }

  @Test
  void theSampleMrzPassesEveryCheckAndTheRulesAcceptTheMeeting() {
    MeetingWizardViewModel model = sample();

    assertTrue(model.identity().acceptedProperty().get());
    assertTrue(model.identity().checks().size() > 5);
    assertTrue(model.identity().checks().stream().allMatch(CheckLine::passed));
    assertTrue(model.company().acceptedProperty().get());
    assertTrue(model.refusals().isEmpty(), model.refusals().toString());
  }

  @Test
  void theRequestIsShownAsItWillBeBuiltBeforeThePin() {
    MeetingWizardViewModel model = sample();

    assertTrue(
        model.request().subject().contains("Nom : Élodie Marie Lefèvre-Dubois"),
        model.request().subject().toString());
    assertTrue(
        model
            .request()
            .subject()
            .contains("Numéro d'identification de l'organisation : NTRFR-91234567500017"),
        model.request().subject().toString());
    assertTrue(
        model.request().subject().stream().anyMatch(l -> l.contains("elodie.lefevre-dubois@")));
    assertTrue(model.request().findings().isEmpty(), model.request().findings().toString());
    assertFalse(model.request().blockingProperty().get());
    assertFalse(model.generationBlocked());
  }

  @Test
  void namesMakingACommonNameLongerThan64CharactersAreAWarningThatLetsTheKeyBeGenerated() {
    MeetingWizardViewModel model =
        Meetings.attested(
            new MeetingWizardViewModel(
                TestContexts.sameThread(dir, dialogs),
                Meetings.holderNamed(
                    "Lefèvre-Dubois",
                    "Élodie",
                    "Marie",
                    "Anne-Sophie",
                    "Clémentine",
                    "Geneviève",
                    "Bernadette"),
                () -> closed = true));

    String commonName = "Élodie Marie Anne-Sophie Clémentine Geneviève Bernadette Lefèvre-Dubois";
    assertTrue(commonName.length() > 64);
    assertTrue(
        model.request().subject().contains("Nom : " + commonName),
        model.request().subject().toString());
    assertEquals(1, model.request().findings().size(), model.request().findings().toString());
    assertTrue(
        model
            .request()
            .findings()
            .get(0)
            .startsWith("Avertissement — le nom compte " + commonName.length() + " caractères"),
        model.request().findings().get(0));
    assertFalse(model.request().blockingProperty().get());
    assertTrue(model.request().verdictProperty().get().startsWith("La demande peut être produite"));
    assertTrue(model.refusals().isEmpty(), model.refusals().toString());

    model.generate(factoryPin(), holderPin());

    assertTrue(model.run().awaitingSignaturesProperty().get(), model.run().messageProperty().get());
  }

  @Test
  void aNameWithDecomposedAccentsIsAnErrorThatBlocksTheKeyGenerationAndSaysWhy() throws Exception {
    MeetingWizardViewModel model =
        Meetings.attested(
            new MeetingWizardViewModel(
                TestContexts.sameThread(dir, dialogs),
                // "Lefèvre" as some keyboards and copies give it: e + combining grave accent
                Meetings.holderNamed("Lefe\u0300vre-Dubois", "Élodie", "Marie"),
                () -> closed = true));

    assertTrue(model.request().blockingProperty().get());
    assertTrue(model.generationBlocked());
    assertTrue(
        model.request().findings().stream()
            .anyMatch(
                f ->
                    f.startsWith("Erreur — « Nom de famille »")
                        && f.contains("accents décomposés")),
        model.request().findings().toString());
    String verdict = model.request().verdictProperty().get();
    assertTrue(verdict.startsWith("Génération de la clé impossible"), verdict);
    assertTrue(verdict.contains("accents décomposés"), verdict);
    char[] pin = factoryPin();
    char[] newPin = holderPin();

    model.generate(pin, newPin);

    assertEquals(new String(new char[6]), new String(pin), "the PIN is wiped");
    assertEquals(new String(new char[6]), new String(newPin), "the new PIN is wiped");
    assertEquals(verdict, model.run().messageProperty().get());
    assertEquals("", model.run().interventionIdProperty().get(), "nothing was recorded");
    assertFalse(Files.exists(dir.resolve("station.db")) && hasInterventions());
  }

  @Test
  void cancellingTheKeyGenerationInterruptsTheMeetingWhichResumesWithANewKey() throws Exception {
    MeetingWizardViewModel model = sample();
    // The officer clicks "Annuler" once the PIN is verified, as the card starts generating; once.
    boolean[] clicked = {false};
    model
        .run()
        .steps()
        .addListener(
            (javafx.collections.ListChangeListener<String>)
                change -> {
                  if (!clicked[0]
                      && change.getList().get(change.getList().size() - 1).startsWith("Code PIN")) {
                    clicked[0] = true;
                    model.cancelGeneration();
                  }
                });

    model.generate(factoryPin(), holderPin());

    assertTrue(model.cancelRequestedProperty().get());
    assertFalse(model.run().runningProperty().get());
    assertTrue(
        model.run().messageProperty().get().startsWith("Génération de la clé annulée"),
        model.run().messageProperty().get());
    String recorded = model.run().interventionIdProperty().get();
    InterventionState interrupted = recorded(recorded);
    assertEquals(Step.PIN_CHANGED, interrupted.step(), "no key recorded");
    assertFalse(interrupted.ended(), "interrupted, to be resumed");
    assertTrue(model.pinAlreadyChosenProperty().get(), "the card has the holder's PIN now");

    model.run().steps().clear();
    // the same card, which now wants the holder's own PIN, and no new one
    model.generate(holderPin(), new char[0]);

    assertEquals(recorded, model.run().interventionIdProperty().get());
    assertFalse(model.cancelRequestedProperty().get());
    assertTrue(model.run().awaitingSignaturesProperty().get(), model.run().messageProperty().get());
    assertEquals(Step.SHEET_PRODUCED, recorded(recorded).step());

    // the simulated card kept across the tries leaves with the holder: its keys are not left
    Path cards = dir.resolve("simulated-holder-cards");
    try (var kept = Files.list(cards)) {
      assertEquals(1, kept.count());
    }
    model.close();
    try (var kept = Files.list(cards)) {
      assertEquals(0, kept.count());
    }
  }

  @Test
  void cancellingOutsideAKeyGenerationDoesNothing() {
    MeetingWizardViewModel model = sample();

    model.cancelGeneration();

    assertFalse(model.cancelRequestedProperty().get());
    assertEquals("", model.run().messageProperty().get());
  }

  @Test
  void theMrzIsCheckedAsTheOfficerTypes() {
    MeetingWizardViewModel model = sample();
    String mrz = model.identity().mrzProperty().get();

    model.identity().mrzProperty().set(mrz.substring(0, mrz.length() - 3));

    assertFalse(model.identity().acceptedProperty().get());
    assertTrue(model.identity().checks().stream().anyMatch(c -> !c.passed()));
    assertTrue(model.refusals().stream().anyMatch(r -> r.startsWith("Pièce d'identité : ")));
    assertTrue(model.identity().checks().get(0).text().matches("^(OK|Refusé) — .+"));

    model.identity().mrzProperty().set(mrz);
    assertTrue(model.refusals().isEmpty());
  }

  @Test
  void uncheckedBoxesBecomeReasonsToRefuse() {
    MeetingWizardViewModel model = sample();

    model.identity().originalSeenProperty().set(false);
    model.formsSignedProperty().set(false);

    assertEquals(
        java.util.List.of(
            "L'original de la pièce d'identité n'a pas été présenté.",
            "Le formulaire de demande et les conditions d'utilisation ne sont pas signés."),
        model.refusals());
  }

  @Test
  void theCompanyIsCheckedAsTheOfficerTypes() {
    MeetingWizardViewModel model = sample();

    model.company().sirenProperty().set("912 345 676");
    assertFalse(model.company().acceptedProperty().get());
    assertTrue(
        model.refusals().stream().anyMatch(r -> r.contains("SIREN")), model.refusals().toString());

    model.company().sirenProperty().set("912 345 675");
    model.company().kbisDateProperty().set("31/02/20");
    assertFalse(model.company().acceptedProperty().get());
    assertTrue(model.company().checks().stream().anyMatch(c -> c.reason().contains("illisible")));

    model.company().kbisDateProperty().set("01/01/2000");
    assertTrue(model.refusals().stream().anyMatch(r -> r.contains("plus de 3 mois")));
  }

  @Test
  void theStepsGoForwardToTheTokenAndBack() {
    MeetingWizardViewModel model = sample();
    for (int i = 0; i < 10; i++) {
      model.next();
    }
    assertEquals(WizardStep.TOKEN, model.stepProperty().get());
    model.previous();
    assertEquals(WizardStep.FEES, model.stepProperty().get());
    model.goTo(WizardStep.RESULT);
    assertEquals(WizardStep.FEES, model.stepProperty().get());
    model.close();
    assertTrue(closed);
  }

  @Test
  void generatingEnrollsOnTheSimulatedCardAndWipesThePin() throws Exception {
    MeetingWizardViewModel model = sample();
    model.keyTypeProperty().set(KeyType.P256);
    model.feeProperty().set(FeeKind.TRAVEL_WITHIN_30_KM);
    char[] pin = factoryPin();
    char[] newPin = holderPin();

    model.generate(pin, newPin);

    assertEquals(new String(new char[6]), new String(pin), "the PIN is wiped");
    assertEquals(new String(new char[6]), new String(newPin), "the new PIN is wiped");
    assertFalse(model.run().runningProperty().get());
    assertFalse(model.run().finishedProperty().get(), "the sheet waits for the signatures");
    assertTrue(model.run().awaitingSignaturesProperty().get());
    assertEquals(WizardStep.SHEET, model.stepProperty().get());
    assertEquals(7, model.run().steps().size(), model.run().steps().toString());
    assertEquals(Step.SHEET_PRODUCED, recorded(model.run().interventionIdProperty().get()).step());
    assertFalse(model.sheet().pages().isEmpty(), model.sheet().previewMessageProperty().get());
    assertTrue(model.sheet().pages().get(0).getWidth() > 700, "A4 at 90 dpi");

    model.signSheet(false);
    assertEquals(
        "Le titulaire doit d'abord signer dans le cadre.", model.run().messageProperty().get());
    assertTrue(model.run().awaitingSignaturesProperty().get());
    model.sheet().startStroke(20, 100);
    model.sheet().extendStroke(120, 40);
    model.sheet().extendStroke(220, 120);
    model.signSheet(false);

    assertTrue(model.run().finishedProperty().get(), model.run().messageProperty().get());
    assertEquals(WizardStep.RESULT, model.stepProperty().get());
    assertTrue(
        model.run().steps().stream()
            .anyMatch(s -> s.startsWith("Fiche signée électroniquement par")),
        model.run().steps().toString());
    assertTrue(Files.exists(model.run().sheetPathProperty().get()));
    assertFalse(
        Files.exists(
            model
                .run()
                .sheetPathProperty()
                .get()
                .resolveSibling(MeetingWizardViewModel.HOLDER_SIGNATURE_FILE)),
        "the drawn signature is kept inside the sheet only");
    model.openSheet();
    assertEquals(model.run().sheetPathProperty().get(), dialogs.opened.get(0));
    assertEquals(List.of(), dialogs.printed, "signed on screen, the sheet is printed on demand");
    model.printSheet();
    assertEquals(List.of(model.run().sheetPathProperty().get()), dialogs.printed);
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      assertEquals(
          "CLOSED", store.state(model.run().interventionIdProperty().get()).orElseThrow().status());
    }
    model.previous();
    assertEquals(WizardStep.RESULT, model.stepProperty().get(), "an ended meeting is locked");
  }

  @Test
  void aWrongPinIsSaidAndTryingAgainResumesTheSameIntervention() throws Exception {
    MeetingWizardViewModel model = sample();
    // to the company step, through the document and the portrait, both done
    for (int step = 0; step < 4; step++) {
      model.next();
    }

    model.generate("000000".toCharArray(), holderPin());

    assertFalse(model.run().runningProperty().get());
    assertFalse(model.run().finishedProperty().get());
    assertTrue(
        model.run().messageProperty().get().startsWith("Échec : "),
        model.run().messageProperty().get());
    String recorded = model.run().interventionIdProperty().get();
    assertFalse(recorded.isEmpty());
    model.previous();
    assertEquals(WizardStep.COMPANY, model.stepProperty().get(), "the checks are recorded");

    model.generate(factoryPin(), holderPin());
    assertEquals(List.of(), dialogs.printed);
    model.signSheet(true);

    assertTrue(model.run().finishedProperty().get(), model.run().messageProperty().get());
    assertEquals(
        List.of(model.run().sheetPathProperty().get()),
        dialogs.printed,
        "signed on paper, the sheet is printed first");
    assertEquals(recorded, model.run().interventionIdProperty().get());
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      assertEquals(1, store.list().size());
      assertEquals("CLOSED", store.state(recorded).orElseThrow().status());
    }
  }

  @Test
  void theHandSignedScanJoinsTheSheetSignedOnPaperAsASecondRevisionOnce() throws Exception {
    MeetingWizardViewModel model = sample();
    model.generate(factoryPin(), holderPin());
    assertFalse(model.handSignedScan().onPaperProperty().get());
    model.signSheet(true);
    assertTrue(model.run().finishedProperty().get(), model.run().messageProperty().get());
    assertTrue(model.handSignedScan().availableBinding().get());
    Path sheet = model.run().sheetPathProperty().get();
    byte[] first = Files.readAllBytes(sheet);
    dialogs.scanToChoose = dir.resolve("fiche-signee.png");
    ImageIO.write(
        new BufferedImage(60, 80, BufferedImage.TYPE_INT_RGB),
        "png",
        dialogs.scanToChoose.toFile());

    model.handSignedScan().attach();

    String message = model.handSignedScan().messageProperty().get();
    assertTrue(message.startsWith("Fiche signée à la main jointe"), message);
    assertFalse(model.handSignedScan().availableBinding().get(), "once only");
    byte[] second = Files.readAllBytes(sheet);
    assertArrayEquals(first, Arrays.copyOf(second, first.length));
    SheetSignatureReport report = new PadesVerifier().verify(second);
    assertEquals(2, report.signatures().size());
    assertTrue(report.valid(), report.toString());
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      String id = model.run().interventionIdProperty().get();
      assertEquals(Fingerprints.sha256Hex(second), store.state(id).orElseThrow().sheetSha256());
      assertTrue(store.recordHolds(id));
      assertTrue(store.verifyJournal().isEmpty());
    }
  }

  @Test
  void aSheetSignedOnScreenTakesNoLaterScan() throws Exception {
    MeetingWizardViewModel model = sample();
    model.generate(factoryPin(), holderPin());
    model.sheet().startStroke(20, 100);
    model.sheet().extendStroke(220, 120);
    model.signSheet(false);
    assertTrue(model.run().finishedProperty().get(), model.run().messageProperty().get());
    assertFalse(model.handSignedScan().availableBinding().get());
    assertFalse(model.handSignedScan().onPaperProperty().get());
  }

  @Test
  void theSimulatedCardPulledAtKeyGenerationLeavesTheMeetingOpenToResume() throws Exception {
    MeetingWizardViewModel model = sample();
    model.pullAtKeyGenerationProperty().set(true);

    model.generate(factoryPin(), holderPin());

    assertFalse(model.run().finishedProperty().get());
    String message = model.run().messageProperty().get();
    assertTrue(message.startsWith("Échec : ") && message.contains("reprendra"), message);
    String recorded = model.run().interventionIdProperty().get();
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      assertEquals("OPEN", store.state(recorded).orElseThrow().status());
      assertEquals(Step.PIN_CHANGED, store.state(recorded).orElseThrow().step());
    }
    assertTrue(model.pinAlreadyChosenProperty().get());

    model.pullAtKeyGenerationProperty().set(false);
    // the card put back keeps the PIN the holder chose: they type it, and only it
    model.generate(holderPin(), new char[0]);
    model.signSheet(true);

    assertTrue(model.run().finishedProperty().get(), model.run().messageProperty().get());
    assertEquals(recorded, model.run().interventionIdProperty().get());
  }

  @Test
  void anUnreadableKbisDateStopsBeforeAnythingIsRecorded() throws Exception {
    MeetingWizardViewModel model = sample();
    model.company().kbisDateProperty().set("04/13/2026");
    char[] pin = factoryPin();
    char[] newPin = holderPin();

    model.generate(pin, newPin);

    assertEquals(new String(new char[6]), new String(pin));
    assertEquals(new String(new char[6]), new String(newPin));
    assertTrue(model.run().messageProperty().get().contains("date de l'extrait Kbis"));
    assertTrue(model.run().interventionIdProperty().get().isEmpty());
    assertFalse(Files.exists(dir.resolve("station.db")) && hasInterventions());
  }

  @Test
  void aWrongCardPinLeavesTheHolderToChooseTheirPinAgain() throws Exception {
    MeetingWizardViewModel model = sample();

    model.generate("000000".toCharArray(), holderPin());

    assertFalse(model.pinAlreadyChosenProperty().get(), "the card kept its factory PIN");
    assertFalse(model.holderPin().pinAlreadyChosen());
  }

  @Test
  void aNewPinBreakingARuleIsSaidInTheOfficersLanguage() throws Exception {
    MeetingWizardViewModel model = sample();

    model.generate(factoryPin(), "111111".toCharArray());

    String message = model.run().messageProperty().get();
    assertTrue(message.startsWith("Échec : "), message);
    assertTrue(message.contains("Le nouveau code PIN est trop facile à deviner"), message);
    assertFalse(model.pinAlreadyChosenProperty().get(), "the card was not asked anything");
  }

  @Test
  void aNewPinBreakingARuleIsSaidInEnglishWhenTheWindowSpeaksEnglish() {
    Texts.use(java.util.Locale.ENGLISH);
    try {
      MeetingWizardViewModel model = sample();

      model.generate(factoryPin(), "4729".toCharArray());

      String message = model.run().messageProperty().get();
      assertTrue(message.contains("The new PIN must have 6 to 8 digits."), message);
    } finally {
      Texts.use(java.util.Locale.FRENCH);
    }
  }

  // The simulated card's factory PIN, and the PIN its holder chooses.
  private static char[] factoryPin() {
    return TokenConnectors.SIMULATED_CARD_PIN.toCharArray();
  }

  private static char[] holderPin() {
    return TokenConnectors.SIMULATED_HOLDER_PIN.toCharArray();
  }

  private InterventionState recorded(String id) throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      return store.state(id).orElseThrow();
    }
  }

  private boolean hasInterventions() throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      return !store.list().isEmpty();
    }
  }

  @Test
  void anOldExtractIsAcceptedWithTheOfficersWrittenReason() {
    MeetingWizardViewModel model = sample();
    model.company().kbisDateProperty().set("01/01/2000");
    assertEquals(1, model.refusals().size(), model.refusals().toString());

    model
        .company()
        .kbisOverrideProperty()
        .set("Extrait du répertoire des métiers accepté par l'AC");

    assertTrue(model.refusals().isEmpty(), model.refusals().toString());
  }

  @Test
  void anExpiredIdCardIsRefusedAndRecordedAsRefused() throws Exception {
    MeetingWizardViewModel model =
        Meetings.attested(
            new MeetingWizardViewModel(
                TestContexts.sameThread(dir, dialogs), Meetings.expiredIdCard(), () -> {}));
    assertTrue(model.refusals().stream().anyMatch(r -> r.contains("Document expiré")));

    model.generate(new char[0], new char[0]);

    assertTrue(model.run().refusedProperty().get());
    assertEquals(WizardStep.RESULT, model.stepProperty().get());
    assertTrue(model.refusals().get(0).contains("Document expiré"), model.refusals().toString());
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      assertEquals(
          "REFUSED",
          store.state(model.run().interventionIdProperty().get()).orElseThrow().status());
    }
  }

  @Test
  void theAttestationsStartUntickedAndToConfirmWhateverTheFileSays() {
    Enrollment fromFile = SampleEnrollment.at(LocalDateTime.now());
    assertTrue(
        fromFile.meeting().originalSeen()
            && fromFile.meeting().photoMatches()
            && fromFile.meeting().formsSigned(),
        "the file says the portal collected them");

    MeetingWizardViewModel model =
        new MeetingWizardViewModel(TestContexts.sameThread(dir, dialogs), fromFile, () -> {});

    assertFalse(model.identity().originalSeenProperty().get());
    assertFalse(model.formsSignedProperty().get());
    for (Attestation attestation : TICKED) {
      assertTrue(model.attestations().pending(attestation));
      assertTrue(model.attestations().collectedByPortal(attestation));
      assertEquals("À confirmer", model.attestations().statusProperty(attestation).get());
    }
    assertTrue(model.attestations().tickedAt().isEmpty());
    // To confirm, not refused: nothing in red before the officer looked (the two boxes, then the
    // names, the document, the portrait, the extract's reference and the holder's consent)
    assertEquals(7, model.standing().size(), model.standing().toString());
    assertTrue(model.standing().stream().allMatch(CheckLine::pending), model.standing().toString());
    assertTrue(model.standing().stream().noneMatch(CheckLine::refused));
    assertTrue(model.standing().get(0).text().startsWith("À confirmer — "));
    assertFalse(model.refusals().isEmpty(), "the meeting as it stands cannot go on");

    Meetings.attested(model);

    assertTrue(model.standing().isEmpty(), model.standing().toString());
    assertTrue(model.refusals().isEmpty(), model.refusals().toString());
    assertTrue(
        model
            .attestations()
            .statusProperty(Attestation.ORIGINAL_SEEN)
            .get()
            .startsWith("Constaté par " + fromFile.meeting().officer().name() + " à "));
  }

  @Test
  void whatFailsIsRedAndComesBeforeWhatIsToConfirm() {
    MeetingWizardViewModel model =
        new MeetingWizardViewModel(
            TestContexts.sameThread(dir, dialogs), Meetings.expiredIdCard(), () -> {});

    assertTrue(model.standing().get(0).refused(), model.standing().toString());
    assertTrue(model.standing().get(0).reason().contains("Document expiré"));
    assertTrue(model.standing().get(model.standing().size() - 1).pending());
    assertTrue(model.identity().checks().get(0).refused(), "the failing check first");
  }

  @Test
  void anEmptyMrzIsToTypeNotRefused() {
    MeetingWizardViewModel model = sample();

    model.identity().mrzProperty().set("");

    assertEquals(1, model.identity().checks().size());
    assertTrue(model.identity().checks().get(0).pending());
    assertFalse(model.identity().acceptedProperty().get());
    assertFalse(model.refusals().isEmpty(), "no key without the zone checked");
  }

  @Test
  void theChecksRecordedSayWhoTickedEachAttestationAndWhen() throws Exception {
    Instant before = Instant.now();
    MeetingWizardViewModel model = sample();
    Map<Attestation, Instant> ticked = model.attestations().tickedAt();
    assertEquals(TICKED, ticked.keySet());
    assertFalse(ticked.get(Attestation.FORMS_SIGNED).isBefore(before));

    model.generate(factoryPin(), holderPin());

    String id = model.run().interventionIdProperty().get();
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      String checks =
          store.journal().stream()
              .map(ChainedEntry::entry)
              .filter(e -> e.intervention().equals(id) && e.event().equals("CHECKS_RECORDED"))
              .findFirst()
              .orElseThrow()
              .detail();
      String officer = model.imported().meeting().officer().name();
      assertTrue(checks.contains("\"attestedBy\":\"" + officer + "\""), checks);
      for (Attestation attestation : TICKED) {
        String at = "\"" + attestation.key() + "At\":\"" + ticked.get(attestation) + "\"";
        assertTrue(checks.contains(at), checks);
      }
    }
  }

  @Test
  void leavingAMeetingUnderWayAsksTheOfficerFirst() {
    MeetingWizardViewModel model = sample();
    dialogs.confirms = false;

    model.close();

    assertFalse(closed, "the officer chose to stay");
    assertEquals(1, dialogs.questions.size());
    assertTrue(dialogs.questions.get(0).startsWith("Le rendez-vous n'est pas terminé"));

    dialogs.confirms = true;
    model.close();

    assertTrue(closed);
  }

  @Test
  void leavingAnEndedMeetingAsksNothing() {
    MeetingWizardViewModel model = sample();
    model.generate(factoryPin(), holderPin());
    model.signSheet(true);
    assertTrue(model.run().finishedProperty().get(), model.run().messageProperty().get());
    dialogs.confirms = false;

    model.close();

    assertTrue(closed);
    assertTrue(dialogs.questions.isEmpty());
  }
}
