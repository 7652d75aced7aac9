package fr.aed.station.app.gui;

import fr.aed.station.app.enrollment.EnrollmentOutcome;
import java.nio.file.Path;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Where the meeting's enrollment run stands, as shown on the token and result pages: the steps
 * done, whether it runs, how it ended, the intervention recorded and its sheet. Changed on the
 * interface thread only.
 */
public final class EnrollmentProgress {

  private final ObservableList<String> steps = FXCollections.observableArrayList();
  private final BooleanProperty running = new SimpleBooleanProperty();
  private final BooleanProperty finished = new SimpleBooleanProperty();
  private final BooleanProperty refused = new SimpleBooleanProperty();
  private final BooleanProperty closed = new SimpleBooleanProperty();
  private final BooleanProperty awaitingSignatures = new SimpleBooleanProperty();
  private final StringProperty message = new SimpleStringProperty("");
  private final StringProperty interventionId = new SimpleStringProperty("");
  private final ObjectProperty<Path> sheetPath = new SimpleObjectProperty<>();
  private final BooleanBinding recorded = interventionId.isNotEmpty();

  /** The enrollment's steps, each as it completes. */
  public ObservableList<String> steps() {
    return steps;
  }

  public BooleanProperty runningProperty() {
    return running;
  }

  /** Whether the meeting ended here, enrolled or refused. */
  public BooleanProperty finishedProperty() {
    return finished;
  }

  /** Whether the sheet is produced and waits for the holder's and the officer's signatures. */
  public BooleanProperty awaitingSignaturesProperty() {
    return awaitingSignatures;
  }

  /** Whether the meeting is closed: its sheet signed by the officer, ready for the CA. */
  public BooleanProperty closedProperty() {
    return closed;
  }

  public BooleanProperty refusedProperty() {
    return refused;
  }

  public StringProperty messageProperty() {
    return message;
  }

  /** The intervention recorded, empty until the database has it. */
  public StringProperty interventionIdProperty() {
    return interventionId;
  }

  public ObjectProperty<Path> sheetPathProperty() {
    return sheetPath;
  }

  /**
   * Whether the meeting is recorded: its dossier and checks can no longer change, and trying again
   * resumes it.
   */
  public BooleanBinding recordedBinding() {
    return recorded;
  }

  void start() {
    running.set(true);
    steps.clear();
    message.set(Texts.get("run.running"));
  }

  void stepDone(String summary) {
    steps.add(summary);
  }

  void sheetProduced(EnrollmentOutcome outcome) {
    interventionId.set(outcome.interventionId());
    sheetPath.set(outcome.sheetPath());
    awaitingSignatures.set(true);
    message.set(Texts.get("run.sheet-produced"));
    running.set(false);
  }

  // A meeting taken up from the record at its sheet, which waits for the signatures.
  void sheetAwaiting(String id, Path sheet) {
    interventionId.set(id);
    sheetPath.set(sheet);
    awaitingSignatures.set(true);
  }

  void startSigning() {
    running.set(true);
    message.set(Texts.get("run.signing"));
  }

  void enrolled(EnrollmentOutcome outcome) {
    awaitingSignatures.set(false);
    interventionId.set(outcome.interventionId());
    sheetPath.set(outcome.sheetPath());
    closed.set(outcome.sheetSigned());
    message.set(
        outcome.sheetSigned() ? Texts.get("run.closed") : Texts.get("run.awaiting-officer"));
    end();
  }

  void refused(String id) {
    interventionId.set(id == null ? "" : id);
    refused.set(true);
    message.set(Texts.get("run.refused"));
    end();
  }

  // A failure (card pulled, wrong PIN...) leaves the meeting open: it can be tried again here or
  // resumed from the home screen.
  void failed(String id, String reason) {
    if (id != null) {
      interventionId.set(id);
    }
    message.set(Texts.get(recorded.get() ? "run.failed-resumable" : "run.failed", reason));
    running.set(false);
  }

  private void end() {
    running.set(false);
    finished.set(true);
  }
}
