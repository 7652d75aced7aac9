package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The token step in the window, headless: a card inserted while the step is shown appears in the
 * list and changes nothing of the officer's choice; a click in the list is what chooses a reader.
 */
@ExtendWith(ApplicationExtension.class)
class TokenChoiceViewTest {

  private static final String READER = "ACS ACR39U ICC Reader 00 00";

  @TempDir Path dir;

  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private final ScriptedReaders readers = new ScriptedReaders().plug(READER);
  private TestContexts.TestClock clock;

  @Start
  void start(Stage stage) {
    StationContext context =
        TestContexts.with(
            dir, new TestContexts.FakeDialogs(), background, Platform::runLater, readers);
    clock = (TestContexts.TestClock) context.clock();
    stage.setScene(new Scene(new StationShell(context).root(), 1280, 720));
    stage.show();
  }

  @AfterEach
  void stop() {
    background.shutdownNow();
  }

  @SuppressWarnings("unchecked")
  @Test
  void aCardInsertedDuringTheTokenStepDoesNotChangeTheChoice(FxRobot robot) throws Exception {
    robot.clickOn("#new-sample-meeting");
    robot.clickOn("#next").clickOn("#next");
    // through the document and the portrait, which are not left unfinished
    Proofings.documentConforms(robot);
    robot.clickOn("#next");
    Proofings.samePerson(robot, clock);
    robot.clickOn("#next").clickOn("#next").clickOn("#next");
    RadioButton simulated = robot.lookup("#token-simulated").queryAs(RadioButton.class);
    ListView<String> list = robot.lookup("#readers").queryAs(ListView.class);
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
    assertTrue(simulated.isSelected(), "testers' mode starts on the simulated card");

    readers.insert(READER, ScriptedReaders.SIMULATOR_ATR);

    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> list.getItems().get(0).contains("carte présente"));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(simulated.isSelected(), "the card inserted did not choose itself");
    assertEquals(-1, list.getSelectionModel().getSelectedIndex());
    assertEquals(
        "la carte simulée de ce rendez-vous",
        robot.lookup("#token-chosen").queryAs(Label.class).getText());

    robot.clickOn(list.lookup(".list-cell"));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(!simulated.isSelected(), "the officer's click chose the reader");
    assertEquals(
        "Station simulated PIV card, dans le lecteur " + READER,
        robot.lookup("#token-chosen").queryAs(Label.class).getText());
  }
}
