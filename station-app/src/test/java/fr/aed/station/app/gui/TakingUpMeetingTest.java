package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.store.InterventionState;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An open meeting taken up from home goes through the wizard's remaining steps with the holder
 * present: the holder's PIN typed on the holder's screen (here: given to generate), on the card the
 * record names or on a new card the officer chooses as such; the sheet shown and signed by both.
 */
class TakingUpMeetingTest {

  @TempDir Path dir;

  private final TestContexts.FakeDialogs dialogs = new TestContexts.FakeDialogs();

  private StationContext context() {
    return TestContexts.sameThread(dir, dialogs);
  }

  // A meeting begun in the wizard and stopped by a wrong card PIN, its wizard closed.
  private String interruptedAtTheCard() {
    MeetingWizardViewModel first =
        new MeetingWizardViewModel(context(), SampleEnrollment.at(LocalDateTime.now()), () -> {});
    Meetings.attested(first);
    first.generate("000000".toCharArray(), holderPin());
    String id = first.run().interventionIdProperty().get();
    assertFalse(id.isEmpty(), first.run().messageProperty().get());
    first.close();
    return id;
  }

  private MeetingWizardViewModel takeUp(String id) throws Exception {
    return MeetingWizardViewModel.takingUp(
        context(), new MeetingRunner(context()).recorded(id), () -> {});
  }

  @Test
  void aMeetingStoppedAtTheCardGoesOnOnTheSameCardThroughTheHoldersScreenAndBothSignatures()
      throws Exception {
    String id = interruptedAtTheCard();
    assertTrue(
        Files.exists(dir.resolve("simulated-holder-cards").resolve(id + ".card")),
        "the holder's simulated card waits for the meeting to be taken up");

    MeetingWizardViewModel model = takeUp(id);

    assertEquals(WizardStep.TOKEN, model.stepProperty().get());
    assertTrue(model.takenUp());
    assertTrue(model.refusals().isEmpty(), model.refusals().toString());
    String serial = recorded(id).tokenSerial();
    assertTrue(
        model.recordedCardProperty().get().contains(serial), model.recordedCardProperty().get());
    assertEquals("OPEN", recorded(id).status(), "nothing runs before the holder is there");

    model.generate(factoryPin(), holderPin());

    assertTrue(model.run().awaitingSignaturesProperty().get(), model.run().messageProperty().get());
    assertEquals(WizardStep.SHEET, model.stepProperty().get());
    assertFalse(model.sheet().pages().isEmpty(), "the sheet is shown to the holder");
    model.signSheet(false);
    assertEquals("OPEN", recorded(id).status(), "no officer's signature without the holder's");
    drawSignature(model);
    model.signSheet(false);

    assertEquals("CLOSED", recorded(id).status(), model.run().messageProperty().get());
    assertTrue(events(id).contains("HOLDER_SIGNATURE_ATTACHED"));
    assertEquals(serial, recorded(id).tokenSerial());
  }

  @Test
  void anotherCardIsRefusedUntilTheOfficerChoosesANewCardWhichTheJournalRecords() throws Exception {
    String id = interruptedAtTheCard();
    String firstSerial = recorded(id).tokenSerial();
    // The holder's card is lost: the simulated card offered is a fresh one.
    Files.delete(dir.resolve("simulated-holder-cards").resolve(id + ".card"));
    MeetingWizardViewModel model = takeUp(id);

    model.generate(factoryPin(), holderPin());

    assertFalse(model.run().awaitingSignaturesProperty().get());
    assertTrue(
        model.run().messageProperty().get().contains("n'est pas celle du titulaire"),
        model.run().messageProperty().get());
    assertEquals(Step.TOKEN_IDENTIFIED, recorded(id).step());
    assertEquals(firstSerial, recorded(id).tokenSerial());

    model.newCardProperty().set(true);
    model.generate(factoryPin(), holderPin());

    assertTrue(model.run().awaitingSignaturesProperty().get(), model.run().messageProperty().get());
    assertFalse(firstSerial.equals(recorded(id).tokenSerial()));
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      assertTrue(
          store.journal().stream()
              .filter(e -> e.entry().intervention().equals(id))
              .anyMatch(e -> e.entry().detail().contains("\"replacesCard\":\"" + firstSerial)));
    }
  }

  @Test
  void aMeetingWhoseSheetWaitsOpensAtTheSheetAndClosesWithBothSignatures() throws Exception {
    String id = TestContexts.openMeeting(dir, SampleEnrollment.at(LocalDateTime.now()));

    MeetingWizardViewModel model = takeUp(id);

    assertEquals(WizardStep.SHEET, model.stepProperty().get());
    assertTrue(model.run().awaitingSignaturesProperty().get());
    assertFalse(model.sheet().pages().isEmpty(), model.sheet().previewMessageProperty().get());
    drawSignature(model);
    model.signSheet(false);

    assertEquals(
        WizardStep.RESULT, model.stepProperty().get(), model.run().messageProperty().get());
    assertEquals("CLOSED", recorded(id).status());
    assertTrue(events(id).contains("HOLDER_SIGNATURE_ATTACHED"));
  }

  @Test
  void aMeetingTakenUpKeepsItsRecordedProofing() throws Exception {
    Enrollment held = SampleEnrollment.at(LocalDateTime.now());
    String id = TestContexts.openMeeting(dir, held);

    MeetingWizardViewModel model = takeUp(id);

    assertEquals(held.meeting().proofing(), model.enrollment().meeting().proofing());
    assertEquals(
        held.meeting().proofing().consent(),
        model.holderPin().consentProperty().get(),
        "the holder's consent is not asked again");
    assertTrue(model.proofingReadyProperty().get());
  }

  private static void drawSignature(MeetingWizardViewModel model) {
    model.sheet().startStroke(20, 100);
    model.sheet().extendStroke(120, 40);
    model.sheet().extendStroke(220, 120);
  }

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

  private List<String> events(String id) throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      return store.journal().stream()
          .filter(e -> e.entry().intervention().equals(id))
          .map(e -> e.entry().event())
          .toList();
    }
  }

  @Test
  void theNewCardBoxGivesTestersAFreshSimulatedCard() throws Exception {
    String id = interruptedAtTheCard();
    String firstSerial = recorded(id).tokenSerial();
    MeetingWizardViewModel model = takeUp(id);

    model.newCardProperty().set(true);
    model.generate(factoryPin(), holderPin());

    assertTrue(model.run().awaitingSignaturesProperty().get(), model.run().messageProperty().get());
    assertFalse(firstSerial.equals(recorded(id).tokenSerial()), "another card made the key");
  }

  @Test
  void theSameWizardOffersTheNewCardBoxAfterAFailureAndNamesTheRecordedCard() throws Exception {
    MeetingWizardViewModel model =
        new MeetingWizardViewModel(context(), SampleEnrollment.at(LocalDateTime.now()), () -> {});
    Meetings.attested(model);
    assertEquals("", model.recordedCardProperty().get());

    model.generate("000000".toCharArray(), holderPin());

    String id = model.run().interventionIdProperty().get();
    assertTrue(
        model.recordedCardProperty().get().contains(recorded(id).tokenSerial()),
        model.recordedCardProperty().get());
  }
}
