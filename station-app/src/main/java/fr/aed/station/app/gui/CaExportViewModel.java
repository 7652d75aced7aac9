package fr.aed.station.app.gui;

import fr.aed.station.app.dossier.DossierFileException;
import fr.aed.station.app.enrollment.EnrollmentException;
import fr.aed.station.app.export.ExportException;
import fr.aed.station.app.export.ExportPackage;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.DeviceSigningException;
import fr.aed.station.token.TokenException;
import java.nio.file.Path;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The result page's export of a closed meeting for the certificate authority: the package (the
 * signed sheet, the request and their manifest signed by the officer's card) written off the
 * interface thread into the meeting's folder or one the officer chooses, its path shown and its
 * folder opened on demand.
 */
public final class CaExportViewModel {

  private final StationContext context;
  private final MeetingRunner runner;
  private final EnrollmentProgress run;
  private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper();
  private final ReadOnlyObjectWrapper<Path> packagePath = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final BooleanBinding available;

  CaExportViewModel(StationContext context, MeetingRunner runner, EnrollmentProgress run) {
    this.context = context;
    this.runner = runner;
    this.run = run;
    this.available = run.closedProperty().and(exporting.not());
  }

  /** Whether the meeting is closed and no export is under way: the export can start. */
  public BooleanBinding availableBinding() {
    return available;
  }

  public ReadOnlyBooleanProperty exportingProperty() {
    return exporting.getReadOnlyProperty();
  }

  /** The package written, once it is. */
  public ReadOnlyObjectProperty<Path> packagePathProperty() {
    return packagePath.getReadOnlyProperty();
  }

  /** Where the export stands: running, written (with its path) or why it failed. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Writes the package into the meeting's own folder, next to its sheet. */
  public void export() {
    Path sheet = run.sheetPathProperty().get();
    if (sheet != null) {
      exportTo(sheet.toAbsolutePath().getParent());
    }
  }

  /** Writes the package into a folder the officer chooses; nothing when the choice is cancelled. */
  public void exportElsewhere() {
    if (available.get()) {
      context.dialogs().chooseExportFolder().ifPresent(this::exportTo);
    }
  }

  /** Opens the folder holding the package with the desktop's file viewer. */
  public void openFolder() {
    Path written = packagePath.get();
    if (written != null && !context.dialogs().openFile(written.getParent())) {
      message.set(Texts.get("desktop.no-viewer", written.getParent()));
    }
  }

  private void exportTo(Path folder) {
    if (!available.get()) {
      return;
    }
    String id = run.interventionIdProperty().get();
    exporting.set(true);
    message.set(Texts.get("export.running"));
    context.background().execute(() -> write(id, folder));
  }

  private void write(String id, Path folder) {
    try {
      ExportPackage written = runner.export(id, folder);
      context.ui().execute(() -> written(written));
    } catch (DeviceSigningException e) {
      failed(Texts.get("export.not-signed", e.getMessage()));
    } catch (ExportException
        | StoreException
        | TokenException
        | EnrollmentException
        | DossierFileException
        | RuntimeException e) {
      failed(e.getMessage());
    }
  }

  private void written(ExportPackage written) {
    packagePath.set(written.zip().toAbsolutePath());
    message.set(Texts.get("export.done", written.sha256()));
    exporting.set(false);
  }

  private void failed(String reason) {
    context
        .ui()
        .execute(
            () -> {
              message.set(Texts.get("export.failed", reason));
              exporting.set(false);
            });
  }
}
