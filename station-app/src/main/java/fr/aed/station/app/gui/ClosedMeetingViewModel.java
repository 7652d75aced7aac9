package fr.aed.station.app.gui;

import fr.aed.station.app.officer.StationTrust;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.InterventionSummary;
import fr.aed.station.app.store.JournalVerification;
import fr.aed.station.app.store.MeetingJournal;
import fr.aed.station.app.store.Step;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.journal.BrokenLink;
import fr.aed.station.crypto.journal.JournalEntry;
import fr.aed.station.crypto.trust.SignerTrust;
import fr.aed.station.crypto.trust.TrustListException;
import fr.aed.station.token.TokenException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A closed meeting opened from the home screen, to read only: its sheet's pages, its steps as the
 * journal recorded them, the export of its package for the certificate authority, a verification of
 * the journal up to that meeting's last entry, and its certificate's return (asked, received,
 * accepted by the holder, installed on the card: each step journaled). Nothing else of the meeting
 * changes here (the export is journaled, as from the result page).
 */
public final class ClosedMeetingViewModel {

  private final StationContext context;
  private final InterventionSummary meeting;
  private final Runnable onClose;
  private final SheetStepViewModel sheet;
  private final EnrollmentProgress run = new EnrollmentProgress();
  private final CaExportViewModel export;
  private final CertificateViewModel certificate;
  private final ObservableList<String> steps = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper verifying = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper journalHolds = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

  /**
   * @param context the station's shared services
   * @param meeting the closed meeting, as listed
   * @param onClose goes back to the home screen
   * @throws IllegalArgumentException if the meeting is not closed
   */
  public ClosedMeetingViewModel(
      StationContext context, InterventionSummary meeting, Runnable onClose) {
    if (!"CLOSED".equals(meeting.status())) {
      throw new IllegalArgumentException(meeting.id() + " is not a closed meeting");
    }
    this.context = context;
    this.meeting = meeting;
    this.onClose = onClose;
    this.sheet = new SheetStepViewModel(context);
    run.interventionIdProperty().set(meeting.id());
    run.sheetPathProperty().set(sheetPath());
    run.closedProperty().set(true);
    this.export = new CaExportViewModel(context, new MeetingRunner(context), run);
    // The page's steps follow the certificate's, read again from the journal after each.
    this.certificate =
        new CertificateViewModel(
            context, meeting.id(), () -> context.background().execute(this::readSteps));
  }

  /** Whether {@code meeting} opens here: a closed one. */
  public static boolean opens(InterventionSummary meeting) {
    return meeting != null && "CLOSED".equals(meeting.status());
  }

  private Path sheetPath() {
    return meeting.sheetPath() == null || meeting.sheetPath().isBlank()
        ? null
        : Path.of(meeting.sheetPath());
  }

  /**
   * Renders the sheet's pages and reads the meeting's steps from the journal, off the FX thread.
   */
  public void load() {
    Path file = run.sheetPathProperty().get();
    if (file != null) {
      sheet.preview(file);
    }
    context.background().execute(this::readSteps);
    certificate.load();
  }

  private void readSteps() {
    try (InterventionStore store = InterventionStore.openForReading(context.databaseFile())) {
      List<String> read =
          new MeetingJournal(store, meeting.id()).entries().stream().map(this::step).toList();
      context.ui().execute(() -> steps.setAll(read));
    } catch (StoreException e) {
      context.ui().execute(() -> message.set(Texts.get("closed.unreadable", e.getMessage())));
    }
  }

  private String step(JournalEntry entry) {
    return Texts.get(
        "closed.step",
        entry.sequence(),
        RecordLabels.dateTime(entry.recordedAt()),
        eventLabel(entry.event()));
  }

  // A step's event reads as the step; the others (an export, a resumption...) by their own name.
  private static String eventLabel(String event) {
    if (Arrays.stream(Step.values()).anyMatch(s -> s.name().equals(event))) {
      return RecordLabels.step(event);
    }
    String key = "journal-event." + event;
    String label = Texts.get(key);
    return label.equals(key) ? event : label;
  }

  /**
   * Verifies the journal up to this meeting's last entry, off the FX thread: its chain, its seals,
   * and their certificates against the station's trust list (the demonstration authority in
   * testers' mode).
   */
  public void verifyJournal() {
    if (verifying.get()) {
      return;
    }
    verifying.set(true);
    verdict.set(Texts.get("closed.verifying"));
    context.background().execute(this::verify);
  }

  private void verify() {
    String said;
    boolean holds = false;
    try (InterventionStore store = InterventionStore.openForReading(context.databaseFile())) {
      SignerTrust trust =
          StationTrust.standard(
              context.databaseFile().resolveSibling("demo-officer"), context.testersMode());
      JournalVerification.Outcome outcome = new MeetingJournal(store, meeting.id()).verify(trust);
      holds = outcome.intact() && outcome.entries() > 0;
      said = verdictOf(outcome);
    } catch (StoreException | TrustListException | TokenException e) {
      said = Texts.get("closed.verify-failed", e.getMessage());
    }
    String shown = said;
    boolean held = holds;
    context
        .ui()
        .execute(
            () -> {
              verdict.set(shown);
              journalHolds.set(held);
              verifying.set(false);
            });
  }

  private String verdictOf(JournalVerification.Outcome outcome) {
    if (outcome.entries() == 0) {
      return Texts.get("closed.journal-silent", meeting.id());
    }
    if (outcome.brokenLink().isPresent()) {
      BrokenLink broken = outcome.brokenLink().get();
      return Texts.get("closed.journal-broken", broken.sequence(), broken.reason());
    }
    String seals =
        !outcome.trustChecked()
            ? Texts.get("closed.seals-untrusted", outcome.seals())
            : outcome.demonstration()
                ? Texts.get("closed.seals-demo", outcome.seals())
                : Texts.get("closed.seals-trusted", outcome.seals());
    return Texts.get("closed.journal-holds", outcome.entries(), meeting.id()) + " " + seals;
  }

  /** Opens the sheet with the desktop's viewer; without one, says where it is. */
  public void openSheet() {
    Path file = run.sheetPathProperty().get();
    if (file != null && !context.dialogs().openFile(file)) {
      message.set(Texts.get("desktop.no-viewer", file.toAbsolutePath()));
    }
  }

  /** Goes back to the home screen, unless the package or the certificate is being worked on. */
  public void close() {
    if (!export.exportingProperty().get() && !certificate.busyProperty().get()) {
      certificate.stopWatching();
      onClose.run();
    }
  }

  /** The heading: the meeting's number, holder and company. */
  public String title() {
    return Texts.get("closed.title", meeting.id(), meeting.holderName(), meeting.companyName());
  }

  /** The sheet's file, null when none was recorded. */
  public Path sheetFile() {
    return run.sheetPathProperty().get();
  }

  SheetStepViewModel sheet() {
    return sheet;
  }

  public CaExportViewModel export() {
    return export;
  }

  /** The certificate's return: where it stands and the steps that fit. */
  public CertificateViewModel certificate() {
    return certificate;
  }

  /** The meeting's journal entries, one line each: number, time, step. */
  public ObservableList<String> steps() {
    return steps;
  }

  /** What the last verification of the journal found. */
  public ReadOnlyStringProperty verdictProperty() {
    return verdict.getReadOnlyProperty();
  }

  /** Whether the last verification found the journal holding up to this meeting. */
  public ReadOnlyBooleanProperty journalHoldsProperty() {
    return journalHolds.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty verifyingProperty() {
    return verifying.getReadOnlyProperty();
  }

  /** A failure to read the record, or where to find the sheet when no viewer opens it. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }
}
