package fr.aed.station.app.gui;

import java.awt.Desktop;
import java.awt.HeadlessException;
import java.awt.print.PrinterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Alert.AlertType;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The desktop's file chooser, viewer and printer dialog. */
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
  public Optional<Path> chooseScanFile() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(Texts.get("dialog.scan.title"));
    chooser
        .getExtensionFilters()
        .add(
            new FileChooser.ExtensionFilter(
                Texts.get("dialog.scan.filter"),
                "*.pdf",
                "*.png",
                "*.jpg",
                "*.jpeg",
                "*.tif",
                "*.tiff"));
    return Optional.ofNullable(chooser.showOpenDialog(owner)).map(java.io.File::toPath);
  }

  @Override
  public Optional<Path> chooseCertificateFile() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(Texts.get("dialog.certificate.title"));
    chooser
        .getExtensionFilters()
        .add(
            new FileChooser.ExtensionFilter(
                Texts.get("dialog.certificate.filter"),
                "*.pem",
                "*.crt",
                "*.cer",
                "*.der",
                "*.p7b",
                "*.p7c"));
    return Optional.ofNullable(chooser.showOpenDialog(owner)).map(java.io.File::toPath);
  }

  @Override
  public Optional<Path> chooseSimulatedCard() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(Texts.get("dialog.simulated-card.title"));
    return Optional.ofNullable(chooser.showOpenDialog(owner)).map(java.io.File::toPath);
  }

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

  // The AWT printer dialog and the job run on a thread of their own, not the interface's: the
  // window keeps answering, and the file is read first so that what prints is what was asked.
  @Override
  public void print(Path pdf) {
    byte[] content;
    try {
      content = Files.readAllBytes(pdf);
    } catch (IOException e) {
      printFailed(e.getMessage());
      return;
    }
    Thread printing = new Thread(() -> print(content, pdf.getFileName().toString()), "print-sheet");
    printing.setDaemon(true);
    printing.start();
  }

  private void print(byte[] content, String jobName) {
    try {
      SheetPrinter.print(content, jobName);
    } catch (PrinterException | IOException | HeadlessException e) {
      Platform.runLater(() -> printFailed(e.getMessage()));
    }
  }

  private void printFailed(String reason) {
    Alert alert = new Alert(Alert.AlertType.ERROR, Texts.get("dialog.print.failed", reason));
    alert.initOwner(owner);
    alert.setHeaderText(Texts.get("dialog.print.title"));
    alert.show();
  }
}
