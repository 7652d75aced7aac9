package fr.aed.station.app.gui;

import static fr.aed.station.app.gui.HomeViewTest.assertShown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.domain.IdentityDocumentType;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.domain.proofing.HolderConsent;
import fr.aed.station.app.domain.proofing.MorphologicalFeature;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.crypto.journal.ChainedEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
 * The identity proofing through the window, headless, on the simulated card: the document's
 * features examined, the portrait compared, the holder's notice accepted before the PIN, a meeting
 * accepted, and meetings refused at the document or at the portrait.
 */
@ExtendWith(ApplicationExtension.class)
class ProofingStepsViewTest {

  @TempDir Path dir;

  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private final TestContexts.FakeDialogs dialogs = new TestContexts.FakeDialogs();
  private TestContexts.TestClock clock;

  private static final Holder HOLDER = SampleEnrollment.at(LocalDateTime.now()).dossier().holder();

  @Start
  void start(Stage stage) {
    StationContext context = TestContexts.with(dir, dialogs, background, Platform::runLater);
    clock = (TestContexts.TestClock) context.clock();
    stage.setScene(new Scene(new StationShell(context).root(), 1280, 720));
    stage.show();
  }

  @AfterEach
  void stop() {
    background.shutdownNow();
  }

  // The dossier imported, the forms seen signed, the original seen and the names typed as printed:
  // on to the document step.
  private void toTheDocument(FxRobot robot, Enrollment enrollment) throws Exception {
    dialogs.toChoose =
        Files.writeString(
            Files.createTempFile(dir, "dossier", ".json"), EnrollmentFile.toJson(enrollment));
    robot.clickOn("#new-meeting");
    assertShown(robot, "DOS-DEMO-0001");
    robot.clickOn("#forms-signed").clickOn("#next");
    robot.clickOn("#original-seen");
    Proofings.typePrintedNames(robot, HOLDER);
    robot.clickOn("#next");
  }

  // From the portrait, compared alike, to the token step.
  private void portraitToToken(FxRobot robot) {
    Proofings.samePerson(robot, clock);
    robot.clickOn("#next");
    Proofings.typeExtractReference(robot);
    robot.clickOn("#next").clickOn("#next");
  }

  private static WizardStep step(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    return robot
        .lookup("#wizard-steps")
        .<ListView<WizardStep>>query()
        .getSelectionModel()
        .getSelectedItem();
  }

  private static boolean nextDisabled(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    return robot.lookup("#next").queryButton().isDisabled();
  }

  @Test
  void aMeetingAcceptedThroughTheDocumentAndThePortrait(FxRobot robot) throws Exception {
    toTheDocument(robot, SampleEnrollment.at(LocalDateTime.now()));

    assertEquals(WizardStep.DOCUMENT, step(robot));
    assertShown(robot, "Carte nationale d'identité (depuis 2021)");
    assertShown(robot, "PRADO, France, carte nationale d'identité, modèle 2021");
    assertEquals(3, robot.lookup("#drawn-features").queryAs(VBox.class).getChildren().size());
    assertTrue(nextDisabled(robot), "every drawn feature to examine first");
    robot.clickOn("#reference-at-hand");
    robot.clickOn("#feature-0-CONFORMS");
    assertTrue(nextDisabled(robot));
    Proofings.documentConforms(robot);
    assertFalse(nextDisabled(robot));
    robot.clickOn("#next");

    assertEquals(WizardStep.PORTRAIT, step(robot));
    assertShown(robot, "Forme du visage :");
    assertShown(robot, "Oreilles :");
    assertTrue(nextDisabled(robot), "the verdict first");
    assertFalse(robot.lookup("#portrait-time").query().isVisible(), "no verdict, no time");
    for (MorphologicalFeature feature : MorphologicalFeature.values()) {
      Proofings.fire(robot, "#portrait-" + feature.name() + "-SIMILAR");
    }
    clock.advance(Proofings.PORTRAIT_TIME);
    robot.clickOn("#portrait-verdict-SAME_PERSON");
    Label time = robot.lookup("#portrait-time").queryAs(Label.class);
    assertTrue(time.isVisible() && time.getText().startsWith("Temps passé à comparer : 0 min "));
    robot.clickOn("#next");
    Proofings.typeExtractReference(robot);
    robot.clickOn("#next").clickOn("#next");

    assertEquals(WizardStep.TOKEN, step(robot));
    assertShown(robot, "À confirmer — Accord du titulaire à donner sur l'écran du titulaire");
    robot.clickOn("#holder-screen");
    // the notice first: no PIN field until the holder accepts it
    assertShown(robot, "Avant de continuer : vos données et vos engagements");
    assertShown(robot, "7 ans après la fin de validité de votre certificat");
    assertTrue(robot.lookup("#holder-pin").tryQuery().isEmpty());
    robot.clickOn("#holder-accept");
    robot.clickOn("#holder-pin").write("123456");
    robot.clickOn("#holder-new-pin").write("472913");
    robot.clickOn("#holder-new-pin-again").write("472913");
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
    String checks = journal("CHECKS_RECORDED");
    assertTrue(checks.contains("\"proofing\""), checks);
    assertTrue(checks.contains("FRA-ID-2021") && checks.contains("SAME_PERSON"), checks);
    assertTrue(checks.contains(HolderConsent.CURRENT_NOTICE), checks);
  }

  @Test
  void aFeatureThatCannotBeCheckedDrawsAnotherAndStands(FxRobot robot) throws Exception {
    toTheDocument(robot, SampleEnrollment.at(LocalDateTime.now()));

    robot.clickOn("#feature-1-NOT_VERIFIABLE");

    assertEquals(4, robot.lookup("#drawn-features").queryAs(VBox.class).getChildren().size());
    assertTrue(robot.lookup("#feature-3").tryQuery().isPresent());
    assertTrue(nextDisabled(robot), "the feature drawn in its place to examine");
    assertTrue(robot.lookup("#feature-1-CONFORMS").query().isDisabled(), "its verdict stands");
    robot.interact(
        () ->
            robot
                .lookup("#reference-at-hand")
                .queryAs(javafx.scene.control.CheckBox.class)
                .setSelected(true));
    for (int i : new int[] {0, 2, 3}) {
      Proofings.fire(robot, "#feature-" + i + "-CONFORMS");
    }
    assertFalse(nextDisabled(robot));
  }

  @Test
  void aFeatureNotConformingRefusesTheMeeting(FxRobot robot) throws Exception {
    toTheDocument(robot, SampleEnrollment.at(LocalDateTime.now()));
    Proofings.documentConforms(robot);

    robot.clickOn("#feature-0-DOES_NOT_CONFORM");

    assertTrue(robot.lookup("#document-refusing").query().isVisible());
    assertShown(robot, "le rendez-vous sera refusé");
    robot.clickOn("#next");
    portraitToToken(robot);
    assertShown(robot, "Enregistrer le refus");
    assertTrue(
        standing(robot).stream()
            .anyMatch(line -> line.refused() && line.reason().contains("conforme")),
        standing(robot).toString());
    robot.clickOn("#generate");
    // what is recorded of the refused meeting too, once the holder read the notice
    Proofings.holderAccepts(robot);

    waitForResult(robot);
    assertShown(robot, "Rendez-vous refusé pour ces motifs");
    assertEquals("REFUSED", status());
    assertTrue(journal("REFUSED").contains("DOES_NOT_CONFORM"), journal("REFUSED"));
  }

  @Test
  void aPortraitOfAnotherPersonRefusesTheMeeting(FxRobot robot) throws Exception {
    toTheDocument(robot, SampleEnrollment.at(LocalDateTime.now()));
    Proofings.documentConforms(robot);
    robot.clickOn("#next");
    for (MorphologicalFeature feature : MorphologicalFeature.values()) {
      Proofings.fire(robot, "#portrait-" + feature.name() + "-DIFFERENT");
    }
    clock.advance(Proofings.PORTRAIT_TIME);

    robot.clickOn("#portrait-verdict-NOT_SAME_PERSON");

    assertFalse(robot.lookup("#portrait-reason-box").query().isVisible(), "nothing to explain");
    assertShown(robot, "Refusé — La photo de la pièce d'identité ne correspond pas");
    robot.clickOn("#next");
    Proofings.typeExtractReference(robot);
    robot.clickOn("#next").clickOn("#next");
    robot.clickOn("#generate");
    // what is recorded of the refused meeting too, once the holder read the notice
    Proofings.holderAccepts(robot);

    waitForResult(robot);
    assertEquals("REFUSED", status());
    assertTrue(journal("REFUSED").contains("NOT_SAME_PERSON"), journal("REFUSED"));
  }

  @Test
  void theHolderGivingTheScreenBackWithoutAcceptingGivesNoConsent(FxRobot robot) throws Exception {
    toTheDocument(robot, SampleEnrollment.at(LocalDateTime.now()));
    Proofings.documentConforms(robot);
    robot.clickOn("#next");
    portraitToToken(robot);

    robot.clickOn("#holder-screen");
    robot.clickOn("#holder-notice-back");

    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.listTargetWindows().size() == 1);
    assertShown(robot, "À confirmer — Accord du titulaire à donner sur l'écran du titulaire");
    robot.clickOn("#holder-screen");
    assertShown(robot, "Avant de continuer : vos données et vos engagements");
    assertTrue(robot.lookup("#holder-pin").tryQuery().isEmpty(), "the notice again, first");
  }

  @Test
  void aDocumentTheCatalogueLacksIsSaidNotAccepted(FxRobot robot) throws Exception {
    Enrollment sample = SampleEnrollment.at(LocalDateTime.now());
    MeetingRecord m = sample.meeting();
    IdentityDocument other =
        new IdentityDocument(
            IdentityDocumentType.RESIDENCE_PERMIT,
            m.identityDocument().number(),
            "UTO",
            m.identityDocument().expiryDate());

    toTheDocument(robot, new Enrollment(sample.dossier(), m.withIdentityDocument(other, m.mrz())));

    Node said = robot.lookup("#document-not-accepted").query();
    assertTrue(said.isVisible());
    assertShown(robot, "Pièce non acceptée : Titre de séjour (UTO)");
    assertTrue(robot.lookup("#drawn-features").tryQuery().isEmpty(), "nothing drawn");
  }

  @SuppressWarnings("unchecked")
  private static java.util.List<CheckLine> standing(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    return robot.lookup("#refusals").queryAs(ListView.class).getItems();
  }

  private static void waitForResult(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () ->
            robot
                .lookup("#intervention-id")
                .tryQuery()
                .map(id -> !((Label) id).getText().isEmpty())
                .orElse(false));
  }

  private String status() throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      return store.list().get(0).status();
    }
  }

  private String journal(String event) throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      return store.journal().stream()
          .map(ChainedEntry::entry)
          .filter(e -> e.event().equals(event))
          .findFirst()
          .orElseThrow()
          .detail();
    }
  }
}
