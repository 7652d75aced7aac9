package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.OfficerProfiles;
import java.nio.file.Path;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The first run, headless: the officer types their profile, chooses the card, and is in. */
@ExtendWith(ApplicationExtension.class)
class OfficerSignInViewTest {

  @TempDir static Path dir;

  private final ExecutorService background = Executors.newSingleThreadExecutor();
  private final CopyOnWriteArrayList<OfficerCredential> signedIn = new CopyOnWriteArrayList<>();

  @Start
  void start(Stage stage) {
    OfficerSignInViewModel model =
        new OfficerSignInViewModel(
            TestContexts.with(dir, new TestContexts.FakeDialogs(), background, Platform::runLater),
            signedIn::add);
    model.load();
    stage.setScene(new Scene(new OfficerSignInView(model).root(), 1280, 720));
    stage.show();
  }

  @AfterEach
  void stop() {
    background.shutdownNow();
    signedIn.forEach(OfficerCredential::close);
  }

  @Test
  void firstRunRecordsTheOfficerWithTheDemonstrationCard(FxRobot robot) throws Exception {
    Button save = robot.lookup("#officer-sign-in").queryAs(Button.class);
    assertTrue(save.isDisabled(), "nothing typed yet");

    robot.clickOn("#officer-name").write("Maître Jeanne Exemple");
    robot.clickOn("#officer-office").write("Étude Exemple");
    robot.clickOn("#officer-address").write("1 rue de l'Exemple, 25000 Besançon");
    robot.clickOn("#officer-aed-id").write("AED-025-07");
    robot
        .clickOn("#officer-trained-on")
        .write(java.time.LocalDate.now().minusMonths(2).format(TypedDossier.DAY));
    robot.clickOn("#officer-accreditation").write("ACC-025-07");
    robot.clickOn("#officer-demo-card");
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(!save.isDisabled(), "complete");
    robot.clickOn("#officer-sign-in");

    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !signedIn.isEmpty());
    assertTrue(signedIn.get(0).demonstration());
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      OfficerProfiles.OfficerProfile profile = new OfficerProfiles(store).load().orElseThrow();
      assertEquals("Maître Jeanne Exemple", profile.officer().name());
      assertEquals("demo", profile.credential());
    }
  }
}
