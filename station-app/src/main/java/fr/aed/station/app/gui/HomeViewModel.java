package fr.aed.station.app.gui;

import fr.aed.station.app.certificate.CertificateProgress;
import fr.aed.station.app.certificate.CertificateProgress.Stage;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.dossier.DossierFileException;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.enrollment.EnrollmentException;
import fr.aed.station.app.rules.OfficerTraining;
import fr.aed.station.app.store.InterventionSearch;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.InterventionSummary;
import fr.aed.station.app.store.MeetingJournal;
import fr.aed.station.app.store.OfficerProfiles;
import fr.aed.station.app.store.OfficerProfiles.OfficerProfile;
import fr.aed.station.app.store.StoreException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The home screen's state: the recent interventions, searched by holder or company and filtered by
 * status; resuming an open one; starting a new meeting from a file or from the sample.
 */
public final class HomeViewModel {

  static final int RECENT = 200;

  private final StationContext context;
  private final Consumer<Enrollment> meetingOpener;
  private final Runnable dossierFormOpener;
  private final Consumer<RecordedMeeting> meetingResumer;
  private final Consumer<InterventionSummary> closedMeetingOpener;
  private final MeetingRunner runner;

  private final ObservableList<InterventionSummary> interventions =
      FXCollections.observableArrayList();
  private final ObservableMap<String, Stage> certificates = FXCollections.observableHashMap();
  private final StringProperty search = new SimpleStringProperty("");
  private final ObjectProperty<String> statusFilter = new SimpleObjectProperty<>();
  private final StringProperty message = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty(false);
  private final StringProperty trainingNotice = new SimpleStringProperty("");
  private final BooleanProperty trainingExpired = new SimpleBooleanProperty(false);

  /**
   * @param context the station's shared services
   * @param meetingOpener opens the meeting wizard on an enrollment
   */
  public HomeViewModel(StationContext context, Consumer<Enrollment> meetingOpener) {
    this(context, meetingOpener, () -> {}, recorded -> {});
  }

  /**
   * @param context the station's shared services
   * @param meetingOpener opens the meeting wizard on an enrollment
   * @param dossierFormOpener opens the form to type a dossier by hand
   * @param meetingResumer opens the meeting wizard on an open meeting, at its recorded step
   */
  HomeViewModel(
      StationContext context,
      Consumer<Enrollment> meetingOpener,
      Runnable dossierFormOpener,
      Consumer<RecordedMeeting> meetingResumer) {
    this(context, meetingOpener, dossierFormOpener, meetingResumer, meeting -> {});
  }

  /**
   * @param context the station's shared services
   * @param meetingOpener opens the meeting wizard on an enrollment
   * @param dossierFormOpener opens the form to type a dossier by hand
   * @param meetingResumer opens the meeting wizard on an open meeting, at its recorded step
   * @param closedMeetingOpener shows a closed meeting, read only
   */
  HomeViewModel(
      StationContext context,
      Consumer<Enrollment> meetingOpener,
      Runnable dossierFormOpener,
      Consumer<RecordedMeeting> meetingResumer,
      Consumer<InterventionSummary> closedMeetingOpener) {
    this.context = context;
    this.closedMeetingOpener = closedMeetingOpener;
    this.meetingOpener = meetingOpener;
    this.dossierFormOpener = dossierFormOpener;
    this.meetingResumer = meetingResumer;
    this.runner = new MeetingRunner(context);
    search.addListener((obs, old, now) -> refresh());
    statusFilter.addListener((obs, old, now) -> refresh());
  }

  public ObservableList<InterventionSummary> interventions() {
    return interventions;
  }

  public StringProperty searchProperty() {
    return search;
  }

  /** OPEN, CLOSED, REFUSED, FAILED, or null for every status. */
  public ObjectProperty<String> statusFilterProperty() {
    return statusFilter;
  }

  public StringProperty messageProperty() {
    return message;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public boolean testersMode() {
    return context.testersMode();
  }

  /** Reloads the list from the database, with the current search and filter. */
  public void refresh() {
    String text = search.get() == null ? "" : search.get().strip();
    String status = statusFilter.get();
    context.background().execute(() -> load(text, status));
  }

  private void load(String text, String status) {
    try (InterventionStore store = InterventionStore.open(context.databaseFile())) {
      List<InterventionSummary> found = find(store, text, status);
      Map<String, Stage> stages = certificateStages(store, found);
      Optional<Officer> officer = new OfficerProfiles(store).load().map(OfficerProfile::officer);
      context
          .ui()
          .execute(
              () -> {
                certificates.clear();
                certificates.putAll(stages);
                interventions.setAll(found);
              });
      officer.ifPresent(o -> context.ui().execute(() -> training(o)));
    } catch (StoreException e) {
      context
          .ui()
          .execute(() -> message.set(Texts.get("home.database-unreadable", e.getMessage())));
    }
  }

  // Where each closed meeting's certificate stands, from its journal.
  private static Map<String, Stage> certificateStages(
      InterventionStore store, List<InterventionSummary> found) throws StoreException {
    Map<String, Stage> stages = new LinkedHashMap<>();
    for (InterventionSummary meeting : found) {
      if ("CLOSED".equals(meeting.status())) {
        stages.put(
            meeting.id(),
            CertificateProgress.of(new MeetingJournal(store, meeting.id()).entries()).stage());
      }
    }
    return stages;
  }

  /** Where the certificate of a listed meeting stands; NONE for one not closed. */
  public Stage certificateStage(InterventionSummary meeting) {
    return certificates.getOrDefault(meeting.id(), Stage.NONE);
  }

  /** Whether the authority said it issues the meeting's certificate later: to be asked again. */
  public boolean certificateAwaited(InterventionSummary meeting) {
    return certificateStage(meeting) == Stage.WAITING;
  }

  // The officer's yearly training: told a month before it runs out; once run out, no meeting.
  private void training(Officer officer) {
    OfficerTraining standing = OfficerTraining.of(officer, LocalDate.now(context.clock()));
    trainingExpired.set(standing == OfficerTraining.EXPIRED);
    trainingNotice.set(
        switch (standing) {
          case CURRENT -> "";
          case EXPIRES_SOON -> Texts.get("training.expires-soon", officer.trainingValidUntil());
          case EXPIRED -> Texts.get("training.expired", officer.trainedOn());
        });
  }

  /** What the officer is told of their training: soon to run out, or run out; empty otherwise. */
  public StringProperty trainingNoticeProperty() {
    return trainingNotice;
  }

  /** Whether the officer's training ran out: no meeting can start. */
  public BooleanProperty trainingExpiredProperty() {
    return trainingExpired;
  }

  // A meeting does not start with a training run out (the rules would refuse it anyway).
  private boolean refusedForTraining() {
    if (trainingExpired.get()) {
      message.set(trainingNotice.get());
    }
    return trainingExpired.get();
  }

  private static List<InterventionSummary> find(InterventionStore store, String text, String status)
      throws StoreException {
    if (text.isEmpty()) {
      return store.search(new InterventionSearch(null, null, null, null, status, RECENT));
    }
    Map<String, InterventionSummary> byId = new LinkedHashMap<>();
    store
        .search(new InterventionSearch(text, null, null, null, status, RECENT))
        .forEach(s -> byId.put(s.id(), s));
    store
        .search(new InterventionSearch(null, text, null, null, status, RECENT))
        .forEach(s -> byId.put(s.id(), s));
    List<InterventionSummary> merged = new ArrayList<>(byId.values());
    merged.sort(Comparator.comparing(InterventionSummary::startedAt).reversed());
    return merged.stream().limit(RECENT).toList();
  }

  /** Whether the intervention can be resumed here: an open meeting, in every mode. */
  public boolean canResume(InterventionSummary intervention) {
    return intervention != null && "OPEN".equals(intervention.status());
  }

  /**
   * Takes up an open meeting in the wizard, at its last recorded step, the holder present: nothing
   * runs until the officer and the holder go on.
   */
  public void resume(InterventionSummary intervention) {
    if (!canResume(intervention) || busy.get()) {
      return;
    }
    busy.set(true);
    message.set(Texts.get("home.resuming", intervention.id()));
    context.background().execute(() -> loadForTakingUp(intervention.id()));
  }

  private void loadForTakingUp(String id) {
    try {
      RecordedMeeting recorded = runner.recorded(id);
      context.ui().execute(() -> takeUp(recorded));
    } catch (EnrollmentException | StoreException | DossierFileException e) {
      String shown = Texts.get("home.resume-failed", id, e.getMessage());
      context.ui().execute(() -> finish(shown));
    }
  }

  private void takeUp(RecordedMeeting recorded) {
    busy.set(false);
    message.set("");
    meetingResumer.accept(recorded);
  }

  private void finish(String shown) {
    message.set(shown);
    busy.set(false);
    refresh();
  }

  /** Whether the intervention opens read only: a closed meeting. */
  public boolean canOpenClosed(InterventionSummary intervention) {
    return ClosedMeetingViewModel.opens(intervention);
  }

  /** Shows a closed meeting: its sheet, its steps, its export, its journal, its certificate. */
  public void openClosed(InterventionSummary intervention) {
    if (canOpenClosed(intervention) && !busy.get()) {
      closedMeetingOpener.accept(intervention);
    }
  }

  /** Asks for an enrollment file and opens the meeting wizard on it. */
  public void importEnrollment() {
    if (refusedForTraining()) {
      return;
    }
    Optional<Path> file = context.dialogs().chooseEnrollmentFile();
    if (file.isEmpty()) {
      return;
    }
    try {
      meetingOpener.accept(EnrollmentFile.readBeforeProofing(file.get()));
    } catch (DossierFileException e) {
      message.set(Texts.get("home.dossier-unreadable", e.getMessage()));
    }
  }

  /** Opens the form to type a dossier by hand, for a dossier that came on paper. */
  public void enterDossier() {
    if (refusedForTraining()) {
      return;
    }
    dossierFormOpener.run();
  }

  /** Opens the meeting wizard on the bundled sample (testers' mode). */
  public void startFromSample() {
    if (refusedForTraining()) {
      return;
    }
    meetingOpener.accept(SampleEnrollment.at(LocalDateTime.now(context.clock())));
  }
}
