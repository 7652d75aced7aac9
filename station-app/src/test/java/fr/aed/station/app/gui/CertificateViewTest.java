package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.certificate.CertificateProgress.Stage;
import fr.aed.station.app.certificate.OpensslCa;
import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.store.InterventionSummary;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The certificate's return in the window, headless, on a real closed meeting and its simulated
 * card: the certificate the authority sent in a file, read and accepted by the holder on the
 * holder's screen, then installed on the card with the PIN the holder types there; one from another
 * authority refused with its reason and no install offered.
 */
@ExtendWith(ApplicationExtension.class)
class CertificateViewTest {

  @TempDir Path dir;
  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private final TestContexts.FakeDialogs dialogs = new TestContexts.FakeDialogs();
  private javafx.stage.Stage stage;
  private CertificateMeetings closed;
  private OpensslCa authority;

  @Start
  void start(javafx.stage.Stage stage) {
    this.stage = stage;
  }

  @AfterEach
  void stop() {
    background.shutdownNow();
  }

  // Monocle's headless screen is 1280x800: a larger scene overflows its frame buffer.
  private void openClosedMeeting(FxRobot robot) throws Exception {
    StationContext context = TestContexts.with(dir, dialogs, background, Platform::runLater);
    robot.interact(
        () -> {
          stage.setScene(new Scene(new StationShell(context).root(), 1280, 720));
          stage.show();
        });
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table(robot).getItems().isEmpty());
    robot.interact(() -> table(robot).getSelectionModel().select(0));
    robot.clickOn("#open-closed");
    waitForStage(robot, Stage.NONE);
  }

  private void closedMeetingAndAuthority() throws Exception {
    closed = CertificateMeetings.closedWithoutCertificate(dir);
    authority = OpensslCa.create(dir.resolve("ca"), "AC de test");
    authority.configure(dir, null);
  }

  @Test
  void theCertificateReceivedIsAcceptedByTheHolderAndInstalledOnTheCard(FxRobot robot)
      throws Exception {
    closedMeetingAndAuthority();
    dialogs.certificateToChoose = closed.issuedBy(authority, "issued");
    dialogs.simulatedCardToChoose = closed.holderCard();
    openClosedMeeting(robot);

    clickWhenShown(robot, "#certificate-file");
    waitForStage(robot, Stage.RECEIVED);
    clickWhenShown(robot, "#certificate-present");

    // The holder's screen shows the certificate's content, and the holder accepts it.
    WaitForAsyncUtils.waitFor(
        5,
        TimeUnit.SECONDS,
        () -> robot.lookup("#holder-certificate-accept").tryQuery().isPresent());
    String sha256 = closed.progress().certificateSha256().orElseThrow();
    assertTrue(HomeViewTest.shown(robot, sha256), "the holder reads the certificate's fingerprint");
    assertTrue(HomeViewTest.shown(robot, "Émis par : "));
    clickWhenShown(robot, "#holder-certificate-accept");
    waitForStage(robot, Stage.ACCEPTED);
    clickWhenShown(robot, "#certificate-simulated-card");
    clickWhenShown(robot, "#certificate-install");
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> robot.lookup("#holder-certificate-pin").tryQuery().isPresent());
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("#holder-certificate-pin").write(TokenConnectors.SIMULATED_HOLDER_PIN);
    clickWhenShown(robot, "#holder-certificate-validate");
    waitForStage(robot, Stage.INSTALLED);

    assertEquals(
        CertificateMeetings.read(dialogs.certificateToChoose), closed.onCard().orElseThrow());
    assertEquals(Stage.INSTALLED, closed.progress().stage());
    // The page's steps follow, in words: the journal's new entries read again.
    ListView<String> steps = robot.lookup("#closed-steps").queryListView();
    WaitForAsyncUtils.waitFor(
        5,
        TimeUnit.SECONDS,
        () ->
            steps.getItems().stream()
                .anyMatch(s -> s.endsWith("Certificat installé sur la carte")));
  }

  @Test
  void aCertificateFromAnotherAuthorityShowsItsReasonAndOffersNoInstall(FxRobot robot)
      throws Exception {
    closedMeetingAndAuthority();
    OpensslCa other = OpensslCa.create(dir.resolve("other"), "AC de test");
    dialogs.certificateToChoose = closed.issuedBy(other, "other");
    openClosedMeeting(robot);

    clickWhenShown(robot, "#certificate-file");
    waitForStage(robot, Stage.REJECTED);

    HomeViewTest.assertShown(robot, "ne vient pas de l'autorité de certification configurée");
    assertFalse(visible(robot, "#certificate-present"));
    assertFalse(visible(robot, "#certificate-install"));
    assertEquals(Optional.empty(), closed.onCard());
  }

  private static void waitForStage(FxRobot robot, Stage stage) throws Exception {
    String words = CertificateWords.stage(stage);
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () ->
            robot.lookup("#certificate-stage").tryQuery().isPresent()
                && words.equals(robot.lookup("#certificate-stage").queryAs(Label.class).getText()));
  }

  // A button shown once the step ended is laid out at the next pulse: clicked after it.
  private static void clickWhenShown(FxRobot robot, String id) throws Exception {
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> visible(robot, id));
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(id);
  }

  private static boolean visible(FxRobot robot, String id) {
    for (Node n = robot.lookup(id).query(); n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static TableView<InterventionSummary> table(FxRobot robot) {
    return robot.lookup("#interventions").queryAs(TableView.class);
  }
}
