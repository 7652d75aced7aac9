package fr.aed.station.app.gui;

import fr.aed.station.app.domain.Enrollment;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The window's content: the home screen, or the wizard of the meeting under way. */
final class StationShell {

  private final StationContext context;
  private final BorderPane root = new BorderPane();
  private final HomeViewModel home;
  private final DemoViewModel demo;

  StationShell(StationContext context) {
    this.context = context;
    this.home = new HomeViewModel(context, this::showMeeting, this::showDossierForm);
    this.demo =
        new DemoViewModel(
            context.databaseFile(),
            context.outputRoot(),
            context.sheetRenderer(),
            context.background(),
            context.ui());
    root.getStylesheets().add(StationShell.class.getResource("station.css").toExternalForm());
    showHome();
  }

  BorderPane root() {
    return root;
  }

  void showHome() {
    root.setCenter(HomeView.build(home, demo, this::chooseLanguage));
    home.refresh();
  }

  void showDossierForm() {
    DossierFormViewModel form =
        new DossierFormViewModel(
            context, this::showMeeting, this::showHome, DossierFormViewModel.texts(Texts.locale()));
    root.setCenter(DossierFormView.build(form));
  }

  private void chooseLanguage(Locale language) {
    Texts.use(language);
    if (root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
      stage.setTitle(Texts.get("window.title"));
    }
    // The listener that called here belongs to the content being replaced: replace it afterwards.
    Platform.runLater(this::showHome);
  }

  void showMeeting(Enrollment enrollment) {
    MeetingWizardViewModel wizard = new MeetingWizardViewModel(context, enrollment, this::showHome);
    root.setCenter(MeetingWizardView.build(wizard));
  }
}
