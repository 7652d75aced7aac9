package fr.aed.station.app.gui;

import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.device.TokenFailureTexts;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.enrollment.CardSetup;
import fr.aed.station.app.enrollment.EnrollmentException;
import fr.aed.station.app.enrollment.EnrollmentOutcome;
import fr.aed.station.app.enrollment.EnrollmentRequest;
import fr.aed.station.app.enrollment.FeatureDraws;
import fr.aed.station.app.enrollment.MeetingDesk;
import fr.aed.station.app.officer.DemoOfficerCard;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.sheet.SheetRenderer;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.TokenException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The first window's state: runs a demonstration enrollment on a simulated card with the same
 * service as the command line, off the interface thread, and shows each step.
 */
public final class DemoViewModel {

  private final Path databaseFile;
  private final Path outputRoot;
  private final SheetRenderer sheetRenderer;
  private final Executor background;
  private final Executor ui;

  private final ObservableList<String> steps = FXCollections.observableArrayList();
  private final StringProperty status = new SimpleStringProperty(Texts.get("demo.ready"));
  private final BooleanProperty running = new SimpleBooleanProperty(false);
  private final ObjectProperty<KeyType> keyType = new SimpleObjectProperty<>(KeyType.RSA2048);

  /**
   * @param databaseFile the station's database
   * @param outputRoot where each meeting's folder is created
   * @param background runs the card, PDF and database work (a thread pool; same thread in tests)
   * @param ui runs updates of the properties (the FX thread; same thread in tests)
   */
  public DemoViewModel(
      Path databaseFile,
      Path outputRoot,
      SheetRenderer sheetRenderer,
      Executor background,
      Executor ui) {
    this.databaseFile = databaseFile;
    this.outputRoot = outputRoot;
    this.sheetRenderer = sheetRenderer;
    this.background = background;
    this.ui = ui;
  }

  public ObservableList<String> steps() {
    return steps;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public BooleanProperty runningProperty() {
    return running;
  }

  public ObjectProperty<KeyType> keyTypeProperty() {
    return keyType;
  }

  /** Starts a demonstration enrollment unless one is running. */
  public void runDemo() {
    if (running.get()) {
      return;
    }
    running.set(true);
    steps.clear();
    status.set(Texts.get("demo.running"));
    KeyType chosen = keyType.get();
    background.execute(() -> enroll(chosen));
  }

  private void enroll(KeyType chosen) {
    Path out =
        outputRoot.resolve(
            LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")));
    MeetingDesk desk =
        new MeetingDesk(databaseFile, sheetRenderer, Clock.systemDefaultZone(), Optional.empty());
    Enrollment sample;
    try {
      sample =
          FeatureDraws.demonstration(
              databaseFile, SampleEnrollment.begunBefore(LocalDateTime.now()));
    } catch (EnrollmentException e) {
      finish(Texts.get("demo.failed", TokenFailureTexts.reason(e, Texts.locale())));
      return;
    }
    try (OfficerCredential officer =
        DemoOfficerCard.open(
            databaseFile.resolveSibling("demo-officer"), sample.meeting().officer())) {
      EnrollmentOutcome outcome =
          desk.hold(
              new EnrollmentRequest(
                  sample,
                  TokenConnectors.freshSimulatedCard(),
                  TokenConnectors.SIMULATED_CARD_PIN::toCharArray,
                  CardSetup.holderChooses(TokenConnectors.SIMULATED_HOLDER_PIN::toCharArray),
                  chosen,
                  out,
                  (step, duration, summary) ->
                      ui.execute(
                          () ->
                              steps.add(
                                  String.format(
                                      Texts.locale(),
                                      "%s (%.0f ms)",
                                      Texts.of(summary),
                                      duration.toNanos() / 1e6)))),
              officer);
      finish(Texts.get("demo.done", outcome.interventionId(), outcome.sheetPath()));
    } catch (StoreException | EnrollmentException | TokenException e) {
      finish(Texts.get("demo.failed", TokenFailureTexts.reason(e, Texts.locale())));
    } catch (RuntimeException e) {
      finish(Texts.get("demo.unexpected", e));
    }
  }

  private void finish(String message) {
    ui.execute(
        () -> {
          status.set(message);
          running.set(false);
        });
  }
}
