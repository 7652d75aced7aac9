package fr.aed.station.app.gui;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The desktop's file chooser and viewer. */
final class FxDialogService implements DialogService {

  private final Window owner;

  FxDialogService(Window owner) {
    this.owner = owner;
  }

  @Override
  public Optional<Path> chooseEnrollmentFile() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(Texts.get("dialog.import.title"));
    chooser
        .getExtensionFilters()
        .add(new FileChooser.ExtensionFilter(Texts.get("dialog.import.filter"), "*.json"));
    return Optional.ofNullable(chooser.showOpenDialog(owner)).map(java.io.File::toPath);
  }

  @Override
  public Optional<Path> chooseEnrollmentFileToSave(String suggestedName) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Enregistrer le dossier d'enrôlement");
    chooser.setInitialFileName(suggestedName);
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Dossier (JSON)", "*.json"));
    return Optional.ofNullable(chooser.showSaveDialog(owner)).map(java.io.File::toPath);
  }

  @Override
  public Optional<Path> chooseExportFolder() {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle(Texts.get("dialog.export.title"));
    return Optional.ofNullable(chooser.showDialog(owner)).map(java.io.File::toPath);
  }

  // HostServices.showDocument reports a missing viewer on stderr only, where the officer never
  // looks: the desktop's own opener says whether it could.
  @Override
  public boolean openFile(Path file) {
    try {
      if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
        return false;
      }
      Desktop.getDesktop().open(file.toFile());
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
