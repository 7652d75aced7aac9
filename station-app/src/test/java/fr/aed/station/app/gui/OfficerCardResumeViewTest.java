package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.officer.DemoOfficerCard;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.InterventionSummary;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An officer signed in with their own card (a simulated PIV card whose signature key asks its PIN
 * before each use; no testers' mode) takes an open meeting up from home: the wizard opens at its
 * sheet, the holder signs on the pad, the officer's card signs, the meeting closes.
 */
@ExtendWith(ApplicationExtension.class)
class OfficerCardResumeViewTest {

  @TempDir static Path dir;

  private static String interventionId;
  private static OfficerSession session;
  private final ExecutorService background = Executors.newSingleThreadExecutor();

  @BeforeAll
  static void recordAnOpenMeetingAndSignIn() throws Exception {
    interventionId = TestContexts.openMeeting(dir, SampleEnrollment.at(LocalDateTime.now()));
    OfficerCredential card =
        DemoOfficerCard.issue(SampleEnrollment.at(LocalDateTime.now()).meeting().officer());
    session = new OfficerSession();
    // The same card, as an officer's own: it proves something, so the testers' mode is off.
    session.signedIn(
        new OfficerCredential(card.key(), card.chain(), false, card.token(), card.keyManagement()));
  }

  @AfterAll
  static void signOut() {
    session.close();
  }

  @Start
  void start(Stage stage) {
    StationContext testers =
        TestContexts.with(dir, new TestContexts.FakeDialogs(), background, Platform::runLater);
    StationContext officers =
        new StationContext(
            testers.databaseFile(),
            testers.outputRoot(),
            testers.sheetRenderer(),
            testers.clock(),
            testers.background(),
            testers.ui(),
            testers.dialogs(),
            false,
            testers.readers(),
            session);
    stage.setScene(new Scene(new StationShell(officers).root(), 1280, 720));
    stage.show();
  }

  @SuppressWarnings("unchecked")
  @Test
  void resumesThroughTheWizardWithTheHolderAndClosesWithTheOfficersCard(FxRobot robot)
      throws Exception {
    TableView<InterventionSummary> table = robot.lookup("#interventions").queryAs(TableView.class);
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
    robot.interact(() -> table.getSelectionModel().select(0));
    Button resume = robot.lookup("#resume").queryButton();
    assertFalse(resume.isDisabled(), "an officer's card resumes as well as the testers' mode");

    robot.clickOn(resume);
    WaitForAsyncUtils.waitFor(
        60, TimeUnit.SECONDS, () -> robot.lookup("#signature-pad").tryQuery().isPresent());
    Node pad = robot.lookup("#signature-pad").query();
    robot.drag(pad).moveBy(80, 20).moveBy(60, -30).drop();
    robot.clickOn("#sign-sheet");

    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> "CLOSED".equals(status(interventionId)));
    assertEquals("CLOSED", status(interventionId));
  }

  private static String status(String id) throws Exception {
    try (InterventionStore store = InterventionStore.openForReading(dir.resolve("station.db"))) {
      return store.state(id).orElseThrow().status();
    }
  }
}
