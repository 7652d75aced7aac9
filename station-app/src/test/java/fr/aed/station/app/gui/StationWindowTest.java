package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.sheet.PdfSheetRenderer;
import fr.aed.station.app.store.InterventionStore;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window, headless: a click on the demo button runs an enrollment and shows its steps. */
@ExtendWith(ApplicationExtension.class)
class StationWindowTest {

  @TempDir static Path dir;

  private final ExecutorService background = Executors.newSingleThreadExecutor();

  @Start
  void start(Stage stage) {
    DemoViewModel model =
        new DemoViewModel(
            dir.resolve("station.db"),
            dir.resolve("out"),
            new PdfSheetRenderer(),
            background,
            Platform::runLater);
    stage.setScene(new Scene(StationWindow.content(model), 900, 560));
    stage.show();
  }

  @AfterEach
  void stop() {
    background.shutdownNow();
  }

  @Test
  void demoButtonRunsAnEnrollmentAndListsItsSteps(FxRobot robot) throws Exception {
    robot.clickOn("#run-demo");

    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () -> robot.lookup("#status").queryAs(Label.class).getText().startsWith("Intervention"));
    ListView<?> steps = robot.lookup("#steps").queryAs(ListView.class);
    assertEquals(9, steps.getItems().size());
    assertTrue(steps.getItems().get(2).toString().startsWith("Carte reconnue"));
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      assertEquals("CLOSED", store.list().get(0).status());
    }
  }
}
