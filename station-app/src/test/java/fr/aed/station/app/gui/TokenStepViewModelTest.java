package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.officer.DemoOfficerCard;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStepViewModelTest {

  private static final String READER = "ACS ACR39U ICC Reader 00 00";
  private static final String OTHER_READER = "Identiv uTrust 3700 F 01 00";

  @TempDir Path dir;

  private MeetingWizardViewModel wizard(ScriptedReaders readers, Executor ui) {
    StationContext context =
        TestContexts.with(dir, new TestContexts.FakeDialogs(), Runnable::run, ui, readers);
    return new MeetingWizardViewModel(context, SampleEnrollment.at(LocalDateTime.now()), () -> {});
  }

  @Test
  void withoutPcscThePageSaysSoAndTheChoiceStaysTheOfficers() {
    MeetingWizardViewModel wizard = wizard(ScriptedReaders.noService(), Runnable::run);
    wizard.simulatedCardProperty().set(false);

    wizard.token().refresh();

    assertFalse(wizard.token().pcscAvailableProperty().get());
    assertTrue(wizard.token().readers().isEmpty());
    String status = wizard.token().statusProperty().get();
    assertTrue(status.startsWith("Aucun service PC/SC"), status);
    assertTrue(status.endsWith("La carte simulée (mode testeurs) reste disponible."), status);
    assertFalse(wizard.simulatedCardProperty().get(), "the service going away chooses nothing");
    assertFalse(wizard.token().tokenChosen());
  }

  @Test
  void aCardInsertedIsListedButOnlyTheOfficerChoosesIt() {
    ScriptedReaders readers = new ScriptedReaders().plug(READER).plug(OTHER_READER);
    MeetingWizardViewModel wizard = wizard(readers, Runnable::run);
    TokenStepViewModel token = wizard.token();
    token.refresh();
    assertTrue(wizard.simulatedCardProperty().get(), "testers' mode starts on the simulated card");
    assertEquals("la carte simulée de ce rendez-vous", token.chosenCardProperty().get());

    readers.insert(READER, ScriptedReaders.SIMULATOR_ATR);
    token.refresh();
    assertEquals(
        List.of(
            READER + " — carte présente : Station simulated PIV card",
            OTHER_READER + " — aucune carte"),
        token.readers());
    assertTrue(wizard.simulatedCardProperty().get(), "a card inserted does not choose itself");
    assertEquals("", wizard.readerNameProperty().get());

    token.chooseReader(0);
    assertFalse(wizard.simulatedCardProperty().get());
    assertEquals(READER, wizard.readerNameProperty().get());
    assertTrue(token.cardReadyProperty().get());
    assertEquals(
        "Carte prête dans " + READER + " : Station simulated PIV card.",
        token.statusProperty().get());
    assertEquals(
        "Station simulated PIV card, dans le lecteur " + READER, token.chosenCardProperty().get());

    readers.insert(OTHER_READER, ScriptedReaders.SIMULATOR_ATR);
    token.refresh();
    assertEquals(READER, wizard.readerNameProperty().get(), "another card changes nothing");
    assertEquals(0, token.chosenIndex());

    readers.pull(READER);
    token.refresh();
    assertFalse(token.cardReadyProperty().get());
    assertEquals(READER, wizard.readerNameProperty().get(), "a card pulled out changes nothing");
    assertEquals(
        "Carte retirée du lecteur " + READER + " : remettez-la pour continuer.",
        token.statusProperty().get());
  }

  @Test
  void theOfficersOwnCardIsNeverOffered() throws Exception {
    OfficerSession session = new OfficerSession();
    session.signedIn(
        DemoOfficerCard.issue(SampleEnrollment.at(LocalDateTime.now()).meeting().officer()));
    String officersReader = session.readerName().orElseThrow();
    ScriptedReaders readers =
        new ScriptedReaders()
            .plug(officersReader)
            .insert(officersReader, ScriptedReaders.SIMULATOR_ATR)
            .plug(READER);
    StationContext base =
        TestContexts.with(
            dir, new TestContexts.FakeDialogs(), Runnable::run, Runnable::run, readers);
    StationContext context =
        new StationContext(
            base.databaseFile(),
            base.outputRoot(),
            base.sheetRenderer(),
            base.clock(),
            base.background(),
            base.ui(),
            base.dialogs(),
            base.testersMode(),
            base.readers(),
            session);
    try {
      MeetingWizardViewModel wizard =
          new MeetingWizardViewModel(context, SampleEnrollment.at(LocalDateTime.now()), () -> {});

      wizard.token().refresh();

      assertEquals(List.of(READER + " — aucune carte"), wizard.token().readers());
      wizard.token().chooseReader(0);
      assertEquals(READER, wizard.readerNameProperty().get());
    } finally {
      session.close();
    }
  }

  @Test
  void anUnknownCardShowsItsAtr() {
    ScriptedReaders readers = new ScriptedReaders().plug(READER).insert(READER, "3B0212AB");
    MeetingWizardViewModel wizard = wizard(readers, Runnable::run);

    wizard.token().refresh();

    assertEquals(
        List.of(READER + " — carte présente : carte inconnue (ATR 3B0212AB)"),
        wizard.token().readers());
  }

  @Test
  void noReaderPlugged() {
    MeetingWizardViewModel wizard = wizard(new ScriptedReaders(), Runnable::run);
    wizard.simulatedCardProperty().set(false);
    wizard.token().refresh();
    assertEquals("Aucun lecteur de cartes branché.", wizard.token().statusProperty().get());
  }

  @Test
  void theTokenStepWatchesOffTheCallingThreadAndSeesAPullAtOnce() throws Exception {
    ScriptedReaders readers =
        new ScriptedReaders().plug(READER).insert(READER, ScriptedReaders.SIMULATOR_ATR);
    List<String> threads = new CopyOnWriteArrayList<>();
    Executor ui =
        task -> {
          threads.add(Thread.currentThread().getName());
          synchronized (this) {
            task.run();
          }
        };
    MeetingWizardViewModel wizard = wizard(readers, ui);
    TokenStepViewModel token = wizard.token();
    wizard.simulatedCardProperty().set(false);
    wizard.readerNameProperty().set(READER);

    wizard.stepProperty().set(WizardStep.FEES);
    wizard.stepProperty().set(WizardStep.TOKEN);
    awaitStatus(token, "Carte prête");
    readers.pull(READER);
    awaitStatus(token, "Carte retirée");

    assertFalse(threads.isEmpty());
    assertTrue(threads.stream().allMatch("station-readers"::equals), threads.toString());
    assertNotEquals("station-readers", Thread.currentThread().getName());

    wizard.stepProperty().set(WizardStep.FEES);
    int updates = threads.size();
    readers.insert(READER, ScriptedReaders.SIMULATOR_ATR);
    Thread.sleep(400);
    assertEquals(updates, threads.size(), "no watching once the token step is left");

    wizard.stepProperty().set(WizardStep.TOKEN);
    awaitStatus(token, "Carte prête");
    wizard.stepProperty().set(WizardStep.FEES);
  }

  private void awaitStatus(TokenStepViewModel token, String start) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      synchronized (this) {
        if (token.statusProperty().get().startsWith(start)) {
          return;
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError(
        "status never began with " + start + ": " + token.statusProperty().get());
  }
}
