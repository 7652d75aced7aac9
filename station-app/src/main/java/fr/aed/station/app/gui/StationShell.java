package fr.aed.station.app.gui;

import fr.aed.station.app.catalogue.CatalogueException;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.InterventionSummary;
import fr.aed.station.app.store.OfficerProfiles;
import fr.aed.station.app.store.StoreException;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The window's content: the home screen, or the wizard of the meeting under way. */
final class StationShell {

  private final StationContext context;
  private final BorderPane root = new BorderPane();
  private final HomeViewModel home;
  private final DemoViewModel demo;
  private final SessionBarViewModel session;
  // Above the home screen and a closed meeting; a meeting's wizard keeps the whole window.
  private Node sessionBar;

  StationShell(StationContext context) {
    this(context, SessionBarViewModel.SessionActions.NONE);
  }

  /**
   * @param context the station's shared services
   * @param actions the lock and the sign-out of the officer's session
   */
  StationShell(StationContext context, SessionBarViewModel.SessionActions actions) {
    this.context = context;
    this.home =
        new HomeViewModel(
            context,
            this::showMeeting,
            this::showDossierForm,
            this::takeUpMeeting,
            this::showClosedMeeting);
    this.session = new SessionBarViewModel(context, actions);
    this.demo =
        new DemoViewModel(
            context.databaseFile(),
            context.outputRoot(),
            context.sheetRenderer(),
            context.background(),
            context.ui());
    root.getStylesheets().add(StationShell.class.getResource("station.css").toExternalForm());
    this.sessionBar = SessionBar.build(session);
    showHome();
  }

  BorderPane root() {
    return root;
  }

  void showHome() {
    root.setCenter(HomeView.build(home, demo, this::chooseLanguage));
    session.atHomeProperty().set(true);
    root.setTop(sessionBar);
    home.refresh();
  }

  /** A closed meeting: read only but for its certificate's return. */
  void showClosedMeeting(InterventionSummary meeting) {
    ClosedMeetingViewModel closed = new ClosedMeetingViewModel(context, meeting, this::showHome);
    session.atHomeProperty().set(false);
    root.setTop(sessionBar);
    root.setCenter(ClosedMeetingView.build(closed));
    closed.load();
  }

  void showDossierForm() {
    DossierFormViewModel form =
        new DossierFormViewModel(
            context, this::showMeeting, this::showHome, DossierFormViewModel.texts(Texts.locale()));
    recordedOfficer().ifPresent(officer -> prefill(form, officer));
    session.atHomeProperty().set(false);
    root.setTop(null);
    root.setCenter(DossierFormView.build(form));
  }

  // The officer recorded at first run types their own details once, not for every dossier.
  private Optional<Officer> recordedOfficer() {
    try (InterventionStore store = InterventionStore.open(context.databaseFile())) {
      return new OfficerProfiles(store).load().map(OfficerProfiles.OfficerProfile::officer);
    } catch (StoreException e) {
      return Optional.empty();
    }
  }

  private static void prefill(DossierFormViewModel form, Officer officer) {
    form.textProperty(DossierFormField.OFFICER_NAME).set(officer.name());
    form.textProperty(DossierFormField.OFFICER_OFFICE).set(officer.office());
    form.textProperty(DossierFormField.OFFICER_ADDRESS).set(officer.address());
    form.textProperty(DossierFormField.AED_IDENTIFIER).set(officer.aedIdentifier());
  }

  private void chooseLanguage(Locale language) {
    Texts.use(language);
    // The bar's words too: it is built again in the language chosen.
    sessionBar = SessionBar.build(session);
    if (root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
      stage.setTitle(Texts.get("window.title"));
    }
    // The listener that called here belongs to the content being replaced: replace it afterwards.
    Platform.runLater(this::showHome);
  }

  void takeUpMeeting(RecordedMeeting recorded) {
    if (catalogueBroken()) {
      return;
    }
    MeetingWizardViewModel wizard =
        MeetingWizardViewModel.takingUp(context, recorded, this::showHome);
    session.atHomeProperty().set(false);
    root.setTop(null);
    root.setCenter(MeetingWizardView.build(wizard));
  }

  void showMeeting(Enrollment enrollment) {
    if (catalogueBroken()) {
      return;
    }
    MeetingWizardViewModel wizard = new MeetingWizardViewModel(context, enrollment, this::showHome);
    session.atHomeProperty().set(false);
    root.setTop(null);
    root.setCenter(MeetingWizardView.build(wizard));
  }

  // A broken catalogue from the certificate authority stops every meeting, said on the home
  // screen: the station's own never judges in its place.
  private boolean catalogueBroken() {
    try {
      context.documentCatalogue();
      return false;
    } catch (CatalogueException e) {
      home.messageProperty().set(Texts.get("home.catalogue-broken", e.getMessage()));
      return true;
    }
  }
}
