package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.dossier.SampleEnrollment;
import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Ouvrir la fiche" on a desktop without a viewer: the failure comes back from the dialog service,
 * and the window says where the file is, instead of a line on stderr.
 */
class DesktopViewerTest {

  @TempDir Path dir;

  private final TestContexts.FakeDialogs dialogs = new TestContexts.FakeDialogs();

  @Test
  void theDesktopServiceReportsThatNothingOpenedTheFile() throws Exception {
    // The tests run with java.awt.headless: a desktop with no viewer at all.
    assertTrue(GraphicsEnvironment.isHeadless());
    Path sheet = Files.writeString(dir.resolve("fiche.pdf"), "%PDF-1.7");

    assertFalse(new FxDialogService(null).openFile(sheet));
  }

  private MeetingWizardViewModel closedMeeting() {
    MeetingWizardViewModel model =
        Meetings.attested(
            new MeetingWizardViewModel(
                TestContexts.sameThread(dir, dialogs),
                SampleEnrollment.at(LocalDateTime.now()),
                () -> {}));
    model.generate(
        TokenConnectors.SIMULATED_CARD_PIN.toCharArray(),
        TokenConnectors.SIMULATED_HOLDER_PIN.toCharArray());
    model.signSheet(true);
    assertTrue(model.run().closedProperty().get(), model.run().messageProperty().get());
    return model;
  }

  @Test
  void theWizardSaysWhereTheSheetIsWhenNoViewerOpensIt() {
    MeetingWizardViewModel model = closedMeeting();
    dialogs.viewer = false;

    model.openSheet();

    String said = model.run().messageProperty().get();
    assertTrue(said.startsWith("Aucune visionneuse"), said);
    assertTrue(
        said.contains(model.run().sheetPathProperty().get().toAbsolutePath().toString()), said);
  }

  @Test
  void theExportSaysWhereThePackageIsWhenNoViewerOpensItsFolder() {
    MeetingWizardViewModel model = closedMeeting();
    model.export().export();
    Path zip = model.export().packagePathProperty().get();
    assertTrue(zip != null, model.export().messageProperty().get());
    dialogs.viewer = false;

    model.export().openFolder();

    String said = model.export().messageProperty().get();
    assertTrue(said.startsWith("Aucune visionneuse"), said);
    assertTrue(said.contains(zip.getParent().toString()), said);
  }
}
