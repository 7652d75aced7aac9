package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.sheet.PdfSheetRenderer;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.token.KeyType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoViewModelTest {

  @TempDir Path dir;

  @Test
  void demoRunsTheEnrollmentAndShowsEveryStep() throws Exception {
    Path db = dir.resolve("station.db");
    DemoViewModel model =
        new DemoViewModel(
            db, dir.resolve("out"), new PdfSheetRenderer(), Runnable::run, Runnable::run);
    model.keyTypeProperty().set(KeyType.P256);

    model.runDemo();

    assertFalse(model.runningProperty().get());
    assertEquals(9, model.steps().size(), model.steps().toString());
    assertTrue(
        model
            .steps()
            .get(4)
            .startsWith("Paire de clés (courbe elliptique P-256) générée sur la carte"));
    assertTrue(
        model.statusProperty().get().startsWith("Intervention INT-"), model.statusProperty().get());
    try (InterventionStore store = InterventionStore.open(db)) {
      assertEquals("CLOSED", store.list().get(0).status());
    }
  }

  @Test
  void failureIsShownInFrenchAndReleasesTheButton() throws Exception {
    Path notAFolder = java.nio.file.Files.writeString(dir.resolve("file"), "x");
    DemoViewModel model =
        new DemoViewModel(
            dir.resolve("station.db"),
            notAFolder,
            new PdfSheetRenderer(),
            Runnable::run,
            Runnable::run);

    model.runDemo();

    assertFalse(model.runningProperty().get());
    assertTrue(model.statusProperty().get().startsWith("Échec : "), model.statusProperty().get());
  }
}
