package fr.aed.station.app.gui;

import static fr.aed.station.app.gui.HomeViewTest.assertShown;
import static fr.aed.station.app.gui.HomeViewTest.shown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window in English, chosen on the home screen: the home screen and a wizard step. */
@ExtendWith(ApplicationExtension.class)
class EnglishWindowTest {

  @TempDir static Path dir;

  private final ExecutorService background = Executors.newSingleThreadExecutor();

  @Start
  void start(Stage stage) {
    Texts.use(Locale.FRENCH);
    StationContext context =
        TestContexts.with(dir, new TestContexts.FakeDialogs(), background, Platform::runLater);
    stage.setScene(new Scene(new StationShell(context).root(), 1280, 720));
    stage.show();
  }

  @AfterEach
  void stop() {
    background.shutdownNow();
    Texts.use(Locale.FRENCH);
  }

  @Test
  void theLanguageChoiceTurnsTheHomeScreenAndTheWizardToEnglish(FxRobot robot) {
    assertShown(robot, "Interventions récentes");
    @SuppressWarnings("unchecked")
    ComboBox<Locale> language = robot.lookup("#language").queryAs(ComboBox.class);
    robot.interact(() -> language.setValue(Locale.ENGLISH));

    assertShown(robot, "Recent interventions");
    assertEquals(
        "Registration officer's station",
        ((Stage) robot.lookup("#language").queryAs(ComboBox.class).getScene().getWindow())
            .getTitle());
    assertShown(robot, "New meeting…");
    assertShown(robot, "No intervention recorded.");
    assertFalse(shown(robot, "Interventions récentes"));
    assertEquals(Locale.ENGLISH, robot.lookup("#language").queryAs(ComboBox.class).getValue());

    robot.clickOn("#new-sample-meeting");
    assertShown(robot, "1. Dossier and holder");
    assertShown(robot, "form and terms of use signed");
    robot.clickOn("#next");
    assertShown(robot, "MRZ (typed, pasted or scanned):");
    assertShown(robot, "riginal presented");
    assertShown(robot, "Checks:");
    assertFalse(shown(robot, "Pièce d'identité"), "the step list is in English too");
    assertShown(robot, "2. Identity document");
  }
}
