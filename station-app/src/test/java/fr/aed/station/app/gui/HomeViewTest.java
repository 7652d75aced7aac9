package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.store.InterventionSummary;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The home screen, headless: the recorded meetings, the search, resuming an open one. */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HomeViewTest {

  @TempDir static Path dir;

  private final ExecutorService background = Executors.newSingleThreadExecutor();

  @BeforeAll
  static void recordAnOpenMeeting() throws Exception {
    TestContexts.openMeeting(dir, SampleEnrollment.at(LocalDateTime.now()));
  }

  // Monocle's headless screen is 1280x800: a larger scene overflows its frame buffer.
  @Start
  void start(Stage stage) {
    StationContext context =
        TestContexts.with(dir, new TestContexts.FakeDialogs(), background, Platform::runLater);
    stage.setScene(new Scene(new StationShell(context).root(), 1280, 720));
    stage.show();
  }

  @AfterEach
  void stop() {
    background.shutdownNow();
  }

  @SuppressWarnings("unchecked")
  private static TableView<InterventionSummary> table(FxRobot robot) {
    return robot.lookup("#interventions").queryAs(TableView.class);
  }

  static boolean shown(FxRobot robot, String text) {
    return robot
        .lookup(
            node ->
                node instanceof Labeled labeled
                    && visible(labeled)
                    && labeled.getText() != null
                    && labeled.getText().contains(text))
        .tryQuery()
        .isPresent();
  }

  /** Waits for a text to be laid out on screen: rows and cells are filled after a pulse. */
  static void assertShown(FxRobot robot, String text) {
    try {
      WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shown(robot, text));
    } catch (TimeoutException e) {
      fail("not shown: " + text);
    }
  }

  private static boolean visible(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return node.getScene() != null;
  }

  @Test
  @Order(1)
  void showsTheRecordedMeetingAndFiltersBySearch(FxRobot robot) throws Exception {
    // the rows are loaded off the interface thread, then their cells laid out
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown(robot, "DOS-DEMO-0001"));
    assertShown(robot, "Élodie");
    assertShown(robot, "Atelier Numérique Démo");
    assertShown(robot, "En cours");
    assertShown(robot, "Fiche produite");

    ComboBox<String> status = robot.lookup("#status-filter").queryComboBox();
    robot.interact(() -> status.setValue("REFUSED"));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().isEmpty());
    robot.interact(() -> status.setValue("OPEN"));
    assertShown(robot, "DOS-DEMO-0001");

    robot.clickOn("#search").write("aucune entreprise");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table(robot).getItems().isEmpty());
  }

  @Test
  @Order(2)
  void resumesTheSelectedOpenMeeting(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table(robot).getItems().isEmpty());
    Button resume = robot.lookup("#resume").queryButton();
    assertTrue(resume.isDisabled(), "nothing selected yet");
    robot.interact(() -> table(robot).getSelectionModel().select(0));
    assertFalse(resume.isDisabled());

    robot.clickOn(resume);

    // The meeting opens in the wizard at its sheet, which waits for the holder's signature.
    WaitForAsyncUtils.waitFor(
        60, TimeUnit.SECONDS, () -> robot.lookup("#sign-sheet").tryQuery().isPresent());
    assertTrue(robot.lookup("#signature-pad").tryQuery().isPresent());
  }
}
