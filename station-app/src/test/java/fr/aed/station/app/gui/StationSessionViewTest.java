package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.officer.OfficerSignIn;
import fr.aed.station.app.sheet.PdfSheetRenderer;
import fr.aed.station.app.store.InterventionSummary;
import fr.aed.station.app.store.OfficerProfiles.OfficerProfile;
import fr.aed.station.token.TokenException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window through the officer's session, headless: the testers' band, the officer and their
 * card, the lock, the sign-out; a closed meeting opened from the list, read only.
 */
@ExtendWith(ApplicationExtension.class)
class StationSessionViewTest {

  @TempDir static Path dir;
  private static InterventionSummary closed;
  private static Officer officerOfRecord;

  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private final TestContexts.FakeDialogs dialogs = new TestContexts.FakeDialogs();
  private final OfficerSession officer = new OfficerSession();
  private Stage stage;

  @BeforeAll
  static void recordTheOfficerAndAClosedMeeting() throws Exception {
    closed = ClosedMeetings.close(dir);
    // The demonstration card was issued for the sample's officer: the same officer signs in.
    officerOfRecord = SampleEnrollment.at(LocalDateTime.now()).meeting().officer();
    try (OfficerCredential card =
        new OfficerSignIn(dir.resolve("station.db"), Clock.systemDefaultZone())
            .register(new OfficerProfile(officerOfRecord, OfficerSignIn.DEMO), () -> new char[0])) {
      assertTrue(card.demonstration());
    }
  }

  private StationContext context(boolean testersMode) {
    return new StationContext(
        dir.resolve("station.db"),
        dir.resolve("out"),
        new PdfSheetRenderer(),
        Clock.systemDefaultZone(),
        background,
        Platform::runLater,
        dialogs,
        testersMode,
        ScriptedReaders.noService(),
        officer);
  }

  // Monocle's headless screen is 1280x800: a larger scene overflows its frame buffer.
  @Start
  void start(Stage stage) {
    this.stage = stage;
    WindowSession session = new WindowSession(officer, this::context);
    stage.setScene(new Scene(session.root(), 1280, 720));
    session.start();
    stage.show();
  }

  @AfterEach
  void stop() {
    background.shutdownNow();
    officer.close();
  }

  private static void waitFor(FxRobot robot, String what, java.util.function.BooleanSupplier done) {
    try {
      WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, done::getAsBoolean);
    } catch (TimeoutException e) {
      fail("never came: " + what);
    }
  }

  private static boolean present(FxRobot robot, String query) {
    return robot.lookup(query).tryQuery().map(StationSessionViewTest::visible).orElse(false);
  }

  private static boolean visible(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return node.getScene() != null;
  }

  private static String text(FxRobot robot, String query) {
    return robot.lookup(query).queryAs(Label.class).getText();
  }

  private void signedIn(FxRobot robot) {
    waitFor(robot, "the home screen", () -> present(robot, "#interventions"));
  }

  @Test
  void theTestersBandTheOfficerAndTheirCardAreShown(FxRobot robot) {
    signedIn(robot);

    assertTrue(present(robot, "#demo-band"));
    assertEquals("MODE DÉMONSTRATION – SANS VALEUR", text(robot, "#demo-band"));
    assertEquals("Officier : " + officerOfRecord.name(), text(robot, "#signed-in-officer"));
    String serial = officer.credential().orElseThrow().certificate().getSerialNumber().toString(16);
    assertTrue(
        text(robot, "#signed-in-card").startsWith("carte de démonstration"),
        text(robot, "#signed-in-card"));
    assertTrue(
        text(robot, "#signed-in-card").toLowerCase().contains(serial),
        text(robot, "#signed-in-card"));
  }

  @Test
  void withoutTheTestersModeNoBandIsShown(FxRobot robot) {
    signedIn(robot);
    robot.interact(() -> stage.getScene().setRoot(new StationShell(context(false)).root()));
    WaitForAsyncUtils.waitForFxEvents();

    assertTrue(present(robot, "#interventions"));
    assertTrue(present(robot, "#signed-in-officer"));
    assertFalse(robot.lookup("#demo-band").tryQuery().isPresent());
  }

  @Test
  void theLockHidesTheWindowUntilTheOfficerUnlocksIt(FxRobot robot) {
    signedIn(robot);

    robot.clickOn("#lock");

    waitFor(robot, "the lock screen", () -> present(robot, "#lock-screen"));
    assertTrue(robot.lookup("#interventions").tryQuery().isEmpty(), "the window is hidden");
    assertTrue(robot.lookup("#signed-in-officer").tryQuery().isEmpty());
    assertTrue(robot.lookup("#new-meeting").tryQuery().isEmpty(), "nor its shortcuts");
    assertTrue(robot.lookup("#lock-screen").queryAs(Pane.class).getChildren().size() > 1);
    assertTrue(officer.credential().isPresent(), "the card stays open for the work under way");

    robot.clickOn("#unlock");

    waitFor(robot, "the window again", () -> present(robot, "#interventions"));
    assertFalse(robot.lookup("#lock-screen").tryQuery().isPresent());
  }

  @Test
  void signingOutClosesTheCardAndReturnsToTheSignIn(FxRobot robot) {
    signedIn(robot);
    OfficerCredential card = officer.credential().orElseThrow();

    robot.clickOn("#sign-out");

    waitFor(robot, "the sign-in", () -> present(robot, "#officer-sign-in"));
    assertFalse(present(robot, "#interventions"));
    assertTrue(officer.credential().isEmpty());
    assertTrue(officer.officer().isEmpty());
    // the card's session is closed: what it was unlocked with is gone with it
    assertThrows(TokenException.class, () -> card.token().pinStatus());

    robot.clickOn("#officer-sign-in");

    signedIn(robot);
    assertTrue(officer.credential().isPresent());
  }

  @Test
  void aClosedMeetingOpensReadOnlyFromTheList(FxRobot robot) throws Exception {
    signedIn(robot);
    @SuppressWarnings("unchecked")
    TableView<InterventionSummary> table = robot.lookup("#interventions").queryAs(TableView.class);
    waitFor(robot, "the list", () -> !table.getItems().isEmpty());
    HomeViewTest.assertShown(robot, closed.id());
    Button open = robot.lookup("#open-closed").queryButton();
    assertTrue(open.isDisabled(), "nothing selected");
    robot.interact(() -> table.getSelectionModel().select(closed));
    assertFalse(open.isDisabled());

    robot.clickOn(open);

    waitFor(robot, "the closed meeting", () -> present(robot, "#closed-title"));
    assertTrue(text(robot, "#closed-title").contains(closed.id()));
    assertTrue(robot.lookup("#sign-out").queryButton().isDisabled(), "not from a meeting");
    ListView<?> steps = robot.lookup("#closed-steps").queryAs(ListView.class);
    waitFor(robot, "the steps", () -> steps.getItems().size() >= 8);
    assertTrue(
        steps
            .getItems()
            .get(steps.getItems().size() - 1)
            .toString()
            .contains(RecordLabels.step("CLOSED")));
    Pane pages = robot.lookup("#sheet-pages").queryAs(Pane.class);
    waitFor(robot, "the sheet's pages", () -> pages.getChildren().size() == 3);

    robot.clickOn("#verify-journal");
    waitFor(robot, "the verdict", () -> text(robot, "#journal-verdict").startsWith("Journal "));
    assertTrue(
        text(robot, "#journal-verdict").startsWith("Journal intègre"),
        text(robot, "#journal-verdict"));

    robot.clickOn("#export");
    waitFor(robot, "the package", () -> text(robot, "#export-message").contains("SHA-256"));
    assertTrue(present(robot, "#export-path"));

    dialogs.viewer = false;
    robot.clickOn("#open-closed-sheet");
    waitFor(robot, "the message", () -> !text(robot, "#closed-message").isEmpty());
    assertTrue(
        text(robot, "#closed-message")
            .contains(Path.of(closed.sheetPath()).toAbsolutePath().toString()),
        text(robot, "#closed-message"));
    assertTrue(text(robot, "#closed-message").startsWith("Aucune visionneuse"));

    robot.clickOn("#closed-back");
    waitFor(robot, "the home screen", () -> present(robot, "#interventions"));
  }
}
