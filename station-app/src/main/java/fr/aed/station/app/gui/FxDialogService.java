package fr.aed.station.app.gui;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.Alert.AlertType;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
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

  // "Stay" is the default and the cancel button: Enter, Space on it, or Escape keep the meeting.
  @Override
  public boolean confirm(String title, String question) {
    ButtonType leave = new ButtonType(Texts.get("dialog.confirm.yes"), ButtonData.OK_DONE);
    ButtonType stay = new ButtonType(Texts.get("dialog.confirm.no"), ButtonData.CANCEL_CLOSE);
    Alert alert = new Alert(AlertType.CONFIRMATION, question, stay, leave);
    alert.initOwner(owner);
    alert.setTitle(title);
    alert.setHeaderText(title);
    ((Button) alert.getDialogPane().lookupButton(leave)).setDefaultButton(false);
    ((Button) alert.getDialogPane().lookupButton(stay)).setDefaultButton(true);
    return alert.showAndWait().filter(leave::equals).isPresent();
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
