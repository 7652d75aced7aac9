package fr.aed.station.app.gui;

import static fr.aed.station.app.gui.HomeViewTest.assertShown;
import static fr.aed.station.app.gui.HomeViewTest.shown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.token.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
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
 * The wizard under the officer's keyboard and eyes, headless: no key leaves a meeting unasked, the
 * attestations wait for the officer's ticks in neutral colours, and no text is cut at the usual
 * screen sizes.
 */
@ExtendWith(ApplicationExtension.class)
class MeetingWizardKeysTest {

  @TempDir static Path dir;

  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private final TestContexts.FakeDialogs dialogs = new TestContexts.FakeDialogs();
  private Stage stage;
  private TestContexts.TestClock clock;

  // The window's own theme, as the officer sees it: the sizes of its texts are the ones checked.
  @Start
  void start(Stage stage) {
    this.stage = stage;
    // The same stage for every test: back to its place and size.
    stage.setX(0);
    stage.setY(0);
    stage.setWidth(1280);
    stage.setHeight(720);
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    dialogs.confirms = false;
    StationContext context = TestContexts.with(dir, dialogs, background, Platform::runLater);
    clock = (TestContexts.TestClock) context.clock();
    stage.setScene(new Scene(new StationShell(context).root(), 1280, 720));
    stage.show();
  }

  @AfterEach
  void stop() {
    background.shutdownNow();
    Platform.runLater(() -> Application.setUserAgentStylesheet(null));
  }

  // The sample as the portal sends it: the file says the attestations were collected.
  private void importSample(FxRobot robot) throws Exception {
    dialogs.toChoose =
        Files.writeString(
            Files.createTempFile(dir, "dossier", ".json"),
            EnrollmentFile.toJson(SampleEnrollment.at(LocalDateTime.now())));
    robot.clickOn("#new-meeting");
    assertShown(robot, "DOS-DEMO-0001");
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static Node focused(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    return robot.lookup("#wizard-steps").query().getScene().getFocusOwner();
  }

  private static String focusedId(FxRobot robot) {
    Node owner = focused(robot);
    return owner == null ? null : owner.getId();
  }

  private static WizardStep step(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    return robot
        .lookup("#wizard-steps")
        .<ListView<WizardStep>>query()
        .getSelectionModel()
        .getSelectedItem();
  }

  private static boolean inWizard(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    return robot.lookup("#wizard-steps").tryQuery().isPresent()
        && robot.lookup("#new-meeting").tryQuery().isEmpty();
  }

  @Test
  void enterAndSpaceOnTheFirstStepDoNotLeaveTheMeeting(FxRobot robot) throws Exception {
    importSample(robot);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "forms-signed".equals(focusedId(robot)));

    robot.type(KeyCode.SPACE);
    assertTrue(inWizard(robot));
    assertTrue(robot.lookup("#forms-signed").queryAs(CheckBox.class).isSelected());
    robot.type(KeyCode.ENTER);

    assertTrue(inWizard(robot));
    assertEquals(WizardStep.IDENTITY, step(robot), "Enter is \"Suivant\"");
    assertEquals("mrz", focusedId(robot), "the focus in the page's first field");
    assertTrue(dialogs.questions.isEmpty());
  }

  @Test
  void escapeNeverLeaves(FxRobot robot) throws Exception {
    importSample(robot);
    robot.type(KeyCode.ESCAPE);
    assertTrue(inWizard(robot));
    robot.push(KeyCode.ALT, KeyCode.RIGHT);
    robot.type(KeyCode.ESCAPE);

    assertTrue(inWizard(robot));
    assertEquals(WizardStep.IDENTITY, step(robot));
    assertTrue(dialogs.questions.isEmpty(), "not even asked");
  }

  @Test
  void altArrowsAndPageKeysMoveBetweenSteps(FxRobot robot) throws Exception {
    importSample(robot);

    robot.push(KeyCode.ALT, KeyCode.RIGHT);
    assertEquals(WizardStep.IDENTITY, step(robot));
    assertEquals("mrz", focusedId(robot));
    // in the zone's text area too
    robot.type(KeyCode.PAGE_DOWN);
    assertEquals(WizardStep.DOCUMENT, step(robot));
    assertEquals("reference-at-hand", focusedId(robot));
    // the drawn features examined before the next step
    robot.type(KeyCode.PAGE_DOWN);
    assertEquals(WizardStep.DOCUMENT, step(robot));
    robot.push(KeyCode.ALT, KeyCode.LEFT);
    assertEquals(WizardStep.IDENTITY, step(robot));
    robot.type(KeyCode.PAGE_UP);
    assertEquals(WizardStep.DOSSIER, step(robot));
    robot.type(KeyCode.PAGE_UP);
    assertEquals(WizardStep.DOSSIER, step(robot), "nothing before the first step");
    assertTrue(inWizard(robot));
  }

  @Test
  void leavingAnOpenMeetingAsksTheOfficer(FxRobot robot) throws Exception {
    importSample(robot);

    robot.interact(() -> robot.lookup("#back-home").query().requestFocus());
    robot.type(KeyCode.ENTER);
    robot.type(KeyCode.SPACE);
    robot.clickOn("#back-home");

    assertTrue(inWizard(robot), "the officer answered: stay");
    assertEquals(3, dialogs.questions.size(), dialogs.questions.toString());
    assertTrue(dialogs.questions.get(0).contains("ce qui a été coché et saisi ici sera perdu"));

    dialogs.confirms = true;
    robot.clickOn("#back-home");

    assertShown(robot, "Nouveau rendez-vous");
    assertFalse(inWizard(robot));
  }

  @Test
  void afterAFailureTheFocusIsBackInThePageNotOnTheWayHome(FxRobot robot) throws Exception {
    importSample(robot);
    robot.clickOn("#forms-signed").clickOn("#next");
    Proofings.identityToToken(robot, clock, SAMPLE_HOLDER);
    assertEquals("holder-screen", focusedId(robot));
    robot.clickOn("#holder-screen");
    Proofings.holderAccepts(robot);
    robot.clickOn("#holder-pin").write("000000");
    robot.clickOn("#holder-new-pin").write(TokenConnectors.SIMULATED_HOLDER_PIN);
    robot.clickOn("#holder-new-pin-again").write(TokenConnectors.SIMULATED_HOLDER_PIN);
    robot.clickOn("#holder-validate");

    // the card is asked off the interface thread: on a busy machine, it takes its time
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () -> robot.lookup("#wizard-message").queryAs(Label.class).getText().contains("erroné"));
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.listTargetWindows().size() == 1);
    assertEquals("holder-screen", focusedId(robot), "trying again is the focused action");
    robot.type(KeyCode.ESCAPE);
    assertTrue(inWizard(robot));
    assertTrue(dialogs.questions.isEmpty());
  }

  @Test
  void theAttestationsFromTheFileWaitUntickedForTheOfficerInNeutralColours(FxRobot robot)
      throws Exception {
    importSample(robot);
    assertFalse(robot.lookup("#forms-signed").queryAs(CheckBox.class).isSelected());
    assertNeutral(robot.lookup("#forms-signed-status").queryAs(Label.class));
    assertTrue(robot.lookup("#forms-signed-portal").query().isVisible(), "the file's word");
    robot.clickOn("#next");

    assertFalse(robot.lookup("#original-seen").queryAs(CheckBox.class).isSelected());
    assertNeutral(robot.lookup("#original-seen-status").queryAs(Label.class));
    assertFalse(shown(robot, "ne correspond pas à la personne présente"), "no accusation");
    assertFalse(shown(robot, "serait refusé"));
    assertShown(robot, "À confirmer — Original de la pièce d'identité présenté");
    assertTrue(
        robot.lookup(".check-refused").queryAll().stream().noneMatch(Node::isVisible),
        "nothing in red");
    assertFalse(robot.lookup(".check-pending").queryAll().isEmpty());

    robot.clickOn("#original-seen");

    Label status = robot.lookup("#original-seen-status").queryAs(Label.class);
    assertTrue(status.getText().startsWith("Constaté par "), status.getText());
    assertTrue(status.getStyleClass().contains("attestation-confirmed"));
    assertShown(robot, "À confirmer — Noms et date de naissance imprimés sur la pièce à saisir");
    assertFalse(shown(robot, "À confirmer — Original de la pièce"));
  }

  private static void assertNeutral(Label status) {
    assertEquals("À confirmer", status.getText());
    assertTrue(
        status.getStyleClass().contains("attestation-pending"), status.getStyleClass().toString());
    assertFalse(status.getStyleClass().contains(Styles.DANGER));
    assertFalse(status.getStyleClass().contains("check-refused"));
  }

  @Test
  void nothingIsCutAt1280x720(FxRobot robot) throws Exception {
    everyStepWhole(robot, 1280, 720);
  }

  @Test
  void nothingIsCutAt1366x768(FxRobot robot) throws Exception {
    everyStepWhole(robot, 1366, 768);
  }

  // Every step, with long refusals shown (a mistyped zone, an old extract), then the sheet and
  // the result of the meeting held on the simulated card.
  private void everyStepWhole(FxRobot robot, int width, int height) throws Exception {
    robot.interact(
        () -> {
          stage.setX(0);
          stage.setY(0);
          stage.setWidth(width);
          stage.setHeight(height);
        });
    importSample(robot);
    Scene scene = stage.getScene();
    assertEquals(width, scene.getWidth(), 1);
    assertEquals(height, scene.getHeight(), 1);
    assertWhole(robot, WizardStep.DOSSIER);
    robot.clickOn("#forms-signed");
    assertWhole(robot, WizardStep.DOSSIER);
    robot.clickOn("#next");
    assertWhole(robot, WizardStep.IDENTITY);
    TextArea mrz = robot.lookup("#mrz").queryAs(TextArea.class);
    String typed = mrz.getText();
    robot.interact(() -> mrz.setText(typed.substring(0, typed.length() - 1)));
    assertTrue(checks(robot, "#mrz-checks").get(0).refused(), "the failing check first");
    assertWhole(robot, WizardStep.IDENTITY);
    Bounds next = boundsOf(robot, "#next");
    Bounds original = boundsOf(robot, "#original-seen");
    robot.interact(() -> mrz.setText(typed));
    robot.clickOn("#original-seen");
    Proofings.typePrintedNames(robot, SAMPLE_HOLDER);
    assertWhole(robot, WizardStep.IDENTITY);
    // refusals gone, the proofing's next steps to confirm: nothing moved under the pointer
    assertTrue(standing(robot).stream().noneMatch(CheckLine::refused), standing(robot).toString());
    assertEquals(next, boundsOf(robot, "#next"));
    assertEquals(original, boundsOf(robot, "#original-seen"));
    robot.clickOn("#next");
    assertWhole(robot, WizardStep.DOCUMENT);
    assertTrue(robot.lookup("#next").queryButton().isDisabled(), "every feature to examine");
    Proofings.documentConforms(robot);
    assertWhole(robot, WizardStep.DOCUMENT);
    robot.clickOn("#next");
    assertWhole(robot, WizardStep.PORTRAIT);
    robot.clickOn("#portrait-FACE_SHAPE-DIFFERENT");
    // the verdict given once the time the rules ask has passed
    clock.advance(Proofings.PORTRAIT_TIME);
    robot.clickOn("#portrait-verdict-SAME_PERSON");
    assertTrue(robot.lookup("#portrait-reason-box").query().isVisible(), "a difference explained");
    assertWhole(robot, WizardStep.PORTRAIT);
    Proofings.samePerson(robot, clock);
    assertFalse(robot.lookup("#portrait-reason-box").query().isVisible());
    assertWhole(robot, WizardStep.PORTRAIT);
    robot.clickOn("#next");
    Proofings.typeExtractReference(robot);
    robot.clickOn("#authority-DELEGATION");
    assertWhole(robot, WizardStep.COMPANY);
    robot.clickOn("#authority-LEGAL_REPRESENTATIVE");
    TextField kbis = robot.lookup("#kbis-date").queryAs(TextField.class);
    String kbisDate = kbis.getText();
    robot.interact(() -> kbis.setText("01/01/2000"));
    assertTrue(checks(robot, "#company-checks").get(0).refused());
    assertWhole(robot, WizardStep.COMPANY);
    robot.interact(() -> kbis.setText(kbisDate));
    assertWhole(robot, WizardStep.COMPANY);
    robot.clickOn("#next");
    assertWhole(robot, WizardStep.FEES);
    robot.clickOn("#next");
    assertWhole(robot, WizardStep.TOKEN);

    robot.interact(
        () -> robot.lookup("#algorithm").<ComboBox<KeyType>>query().setValue(KeyType.P256));
    robot.clickOn("#holder-screen");
    Proofings.holderAccepts(robot);
    robot.clickOn("#holder-pin").write(TokenConnectors.SIMULATED_CARD_PIN);
    robot.clickOn("#holder-new-pin").write(TokenConnectors.SIMULATED_HOLDER_PIN);
    robot.clickOn("#holder-new-pin-again").write(TokenConnectors.SIMULATED_HOLDER_PIN);
    robot.clickOn("#holder-validate");
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () ->
            robot
                .lookup("#sheet-pages")
                .tryQuery()
                .map(pages -> !((VBox) pages).getChildren().isEmpty())
                .orElse(false));
    assertWhole(robot, WizardStep.SHEET);
    ImageView page =
        (ImageView) robot.lookup("#sheet-pages").queryAs(VBox.class).getChildren().get(0);
    double fitted = page.getBoundsInParent().getWidth();
    double viewport =
        robot.lookup("#sheet-preview").queryAs(ScrollPane.class).getViewportBounds().getWidth();
    assertTrue(fitted > viewport - 20 && fitted <= viewport, fitted + " in " + viewport);
    robot.clickOn("#sheet-zoom-in");
    assertTrue(page.getBoundsInParent().getWidth() > fitted * 1.2, "zoomed in");
    robot.clickOn("#sheet-zoom-fit");
    assertEquals(fitted, page.getBoundsInParent().getWidth(), 1);
    robot.clickOn("#sign-on-paper");
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () ->
            robot
                .lookup("#intervention-id")
                .tryQuery()
                .map(id -> !((Label) id).getText().isEmpty())
                .orElse(false));
    assertWhole(robot, WizardStep.RESULT);
  }

  private static final Holder SAMPLE_HOLDER =
      SampleEnrollment.at(LocalDateTime.now()).dossier().holder();

  private static Bounds boundsOf(FxRobot robot, String id) {
    WaitForAsyncUtils.waitForFxEvents();
    Node node = robot.lookup(id).query();
    return node.localToScene(node.getLayoutBounds());
  }

  private static List<CheckLine> standing(FxRobot robot) {
    return checks(robot, "#refusals");
  }

  @SuppressWarnings("unchecked")
  private static List<CheckLine> checks(FxRobot robot, String id) {
    WaitForAsyncUtils.waitForFxEvents();
    return robot.lookup(id).queryAs(ListView.class).getItems();
  }

  private static void assertWhole(FxRobot robot, WizardStep expected) {
    assertEquals(expected, step(robot));
    Scene scene = robot.lookup("#wizard-steps").query().getScene();
    List<String> cut = WholeTexts.cut(scene);
    assertTrue(
        cut.isEmpty(), expected + " at " + scene.getWidth() + "x" + scene.getHeight() + ": " + cut);
  }
}
