package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.dossier.SampleEnrollment;
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

  @TempDir Path dir;

  private MeetingWizardViewModel wizard(ScriptedReaders readers, Executor ui) {
    StationContext context =
        TestContexts.with(dir, new TestContexts.FakeDialogs(), Runnable::run, ui, readers);
    return new MeetingWizardViewModel(context, SampleEnrollment.at(LocalDateTime.now()), () -> {});
  }

  @Test
  void withoutPcscThePageSaysSoAndKeepsToTheSimulatedCard() {
    MeetingWizardViewModel wizard = wizard(ScriptedReaders.noService(), Runnable::run);
    wizard.simulatedCardProperty().set(false);

    wizard.token().refresh();

    assertFalse(wizard.token().pcscAvailableProperty().get());
    assertTrue(wizard.token().readers().isEmpty());
    String status = wizard.token().statusProperty().get();
    assertTrue(status.startsWith("Aucun service PC/SC"), status);
    assertTrue(status.contains("SCARD_E_NO_SERVICE"), status);
    assertTrue(status.endsWith("La carte simulée (mode testeurs) reste disponible."), status);
    assertTrue(wizard.simulatedCardProperty().get());
  }

  @Test
  void aCardInsertedIsNamedAndChosenAndItsRemovalSaidAtOnce() {
    ScriptedReaders readers = new ScriptedReaders().plug(READER);
    MeetingWizardViewModel wizard = wizard(readers, Runnable::run);
    TokenStepViewModel token = wizard.token();

    token.refresh();
    assertTrue(token.pcscAvailableProperty().get());
    assertEquals(List.of(READER + " — aucune carte"), token.readers());
    assertEquals("Insérez la carte du titulaire dans un lecteur.", token.statusProperty().get());
    assertTrue(wizard.simulatedCardProperty().get(), "testers' mode starts on the simulated card");

    readers.insert(READER, ScriptedReaders.SIMULATOR_ATR);
    token.refresh();
    assertEquals(
        List.of(READER + " — carte présente : Station simulated PIV card"), token.readers());
    assertEquals(READER, wizard.readerNameProperty().get());
    assertFalse(wizard.simulatedCardProperty().get(), "the card inserted is the one meant");
    assertTrue(token.cardReadyProperty().get());
    assertEquals(
        "Carte prête dans " + READER + " : Station simulated PIV card.",
        token.statusProperty().get());

    readers.pull(READER);
    token.refresh();
    assertFalse(token.cardReadyProperty().get());
    assertEquals(
        "Carte retirée du lecteur " + READER + " : remettez-la pour continuer.",
        token.statusProperty().get());
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
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
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
