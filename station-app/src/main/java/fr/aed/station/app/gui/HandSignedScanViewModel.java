package fr.aed.station.app.gui;

import fr.aed.station.app.dossier.DossierFileException;
import fr.aed.station.app.enrollment.EnrollmentException;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.token.TokenException;
import java.nio.file.Path;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The result page's scan of the sheet the holder signed by hand, for a meeting closed without an
 * on-screen signature: chosen by the officer, added to the signed sheet as a new revision that the
 * session's officer card signs again, off the interface thread; once.
 */
public final class HandSignedScanViewModel {

  private final StationContext context;
  private final MeetingRunner runner;
  private final EnrollmentProgress run;
  private final ReadOnlyBooleanWrapper onPaper = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper attaching = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper attached = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final BooleanBinding available;

  HandSignedScanViewModel(StationContext context, MeetingRunner runner, EnrollmentProgress run) {
    this.context = context;
    this.runner = runner;
    this.run = run;
    this.available = run.closedProperty().and(onPaper).and(attaching.not()).and(attached.not());
  }

  /** Whether the meeting closed with the holder to sign on paper and no scan added yet. */
  public BooleanBinding availableBinding() {
    return available;
  }

  /** Whether the holder signs the printed sheet rather than on screen. */
  public ReadOnlyBooleanProperty onPaperProperty() {
    return onPaper.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty attachingProperty() {
    return attaching.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** The holder signs the printed sheet: its scan may join the signed sheet later. */
  void holderSignsOnPaper() {
    onPaper.set(true);
  }

  /** Asks for the scan and adds it; nothing when the choice is cancelled. */
  public void attach() {
    if (!available.get()) {
      return;
    }
    context.dialogs().chooseScanFile().ifPresent(this::attach);
  }

  private void attach(Path scan) {
    String id = run.interventionIdProperty().get();
    attaching.set(true);
    message.set(Texts.get("scan.running"));
    context.background().execute(() -> add(id, scan));
  }

  private void add(String id, Path scan) {
    try {
      Path sheet = runner.attachScanAfterMeeting(id, scan);
      context.ui().execute(() -> ended(true, Texts.get("scan.done", sheet.getFileName())));
    } catch (EnrollmentException
        | StoreException
        | TokenException
        | DossierFileException
        | RuntimeException e) {
      context.ui().execute(() -> ended(false, Texts.get("scan.failed", e.getMessage())));
    }
  }

  private void ended(boolean added, String text) {
    attached.set(added);
    message.set(text);
    attaching.set(false);
  }
}
