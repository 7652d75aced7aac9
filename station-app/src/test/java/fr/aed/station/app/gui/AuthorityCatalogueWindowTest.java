package fr.aed.station.app.gui;

import static fr.aed.station.app.gui.HomeViewTest.assertShown;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A document catalogue from the certificate authority that is broken stops every meeting, said on
 * the home screen: the station's own catalogue never judges in its place.
 */
@ExtendWith(ApplicationExtension.class)
class AuthorityCatalogueWindowTest {

  @TempDir static Path dir;

  private final ExecutorService background = Executors.newSingleThreadExecutor();

  @Start
  void start(Stage stage) throws Exception {
    Texts.use(Locale.FRENCH);
    Files.writeString(dir.resolve("document-catalogue.json"), "{\"version\": \"AC-2027\"}");
    StationContext context =
        TestContexts.with(dir, new TestContexts.FakeDialogs(), background, Platform::runLater);
    stage.setScene(new Scene(new StationShell(context).root(), 1280, 720));
    stage.show();
  }

  @AfterEach
  void stop() {
    background.shutdownNow();
  }

  @Test
  void aBrokenCatalogueKeepsTheHomeScreenAndSaysWhy(FxRobot robot) {
    robot.clickOn("#new-sample-meeting");

    assertShown(robot, "Interventions récentes");
    String message = robot.lookup("#home-message").queryAs(Label.class).getText();
    assertTrue(message.startsWith("Le catalogue des pièces d'identité fourni"), message);
    assertTrue(message.contains("document-catalogue.json"), message);
    assertTrue(robot.lookup("#next").tryQuery().isEmpty(), "no wizard opened");
  }
}
