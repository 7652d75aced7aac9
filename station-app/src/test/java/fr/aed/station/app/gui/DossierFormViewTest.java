package fr.aed.station.app.gui;

import static fr.aed.station.app.gui.HomeViewTest.assertShown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A dossier typed by hand in the window, headless, with the keyboard only, up to the wizard. */
@ExtendWith(ApplicationExtension.class)
class DossierFormViewTest {

  @TempDir static Path dir;

  private final ExecutorService background = Executors.newSingleThreadExecutor();

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

  /** Types the text in the focused field, then goes to the next one. */
  private static void field(FxRobot robot, String text) {
    robot.write(text).type(KeyCode.TAB);
  }

  /** Picks the n-th entry of the focused list, then goes to the next field. */
  private static void choose(FxRobot robot, int position) {
    for (int i = 0; i < position; i++) {
      robot.type(KeyCode.DOWN);
    }
    robot.type(KeyCode.TAB);
  }

  @Test
  void aDossierTypedByHandOpensTheWizardOnItsHolder(FxRobot robot) throws Exception {
    robot.clickOn("#enter-dossier");
    Node first = robot.lookup("#dossier-id").query();
    // the form hands the focus to its first field; the window itself may not have it yet when
    // other tests ran before, so the click makes sure the keys go to this window
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> first.getScene().getFocusOwner() == first);
    robot.clickOn(first);
    Button create = robot.lookup("#create-dossier").queryButton();
    assertTrue(create.isDisabled(), "nothing typed yet");

    field(robot, "DOS-2026-0042");
    field(robot, "CMD-2026-0042");
    robot.type(KeyCode.TAB); // the product is already "Pack ID RGS**"
    choose(robot, 3); // 3 years
    field(robot, "Lefèvre-Dubois");
    field(robot, "Élodie, Marie");
    field(robot, "17/03/1984");
    field(robot, "Besançon (25)");
    field(robot, "elodie@atelier.example");
    field(robot, "03 81 00 00 00");
    field(robot, "Atelier Numérique");
    field(robot, "SAS");
    field(robot, "912 345 675");
    field(robot, "91234567500018"); // a wrong key, corrected below
    assertEquals(
        "SIRET 91234567500018 : le numéro est faux (son dernier chiffre, la clé de contrôle, ne"
            + " correspond pas aux autres).",
        robot.lookup("#siret-error").queryAs(Label.class).getText());
    robot.push(KeyCode.SHIFT, KeyCode.TAB); // back to the SIRET, its text selected
    field(robot, "91234567500017");
    assertEquals("", robot.lookup("#siret-error").queryAs(Label.class).getText());
    field(robot, "Présidente");
    field(robot, "Maître Jean Exemple");
    field(robot, "Étude Exemple");
    field(robot, "1 rue de l'Exemple, 25000 Besançon");
    field(robot, "AED-025-01");
    field(robot, "02/09/2026");
    field(robot, "ACC-025-01");
    field(robot, "Étude Exemple, Besançon");
    robot.type(KeyCode.TAB); // met now, as proposed
    choose(robot, 2); // national identity card
    field(robot, "X4RTBPFW4");
    robot.type(KeyCode.TAB); // issued by FRA, as proposed
    field(robot, "24/11/2033");
    assertTrue(create.isDisabled(), "the Kbis date is still missing");
    field(robot, "01/11/2026");
    // no mandate: the holder is the legal representative

    assertFalse(
        create.isDisabled(), robot.lookup("#dossier-form-summary").queryLabeled().getText());
    robot.clickOn(create);

    assertShown(robot, "Rendez-vous de Élodie Lefèvre-Dubois");
    assertShown(robot, "Lefèvre-Dubois Élodie Marie");
    assertShown(robot, "DOS-2026-0042 (CMD-2026-0042)");
    assertShown(robot, "Carte nationale d'identité n° X4RTBPFW4, FRA, valable jusqu'au 24/11/2033");
  }
}
