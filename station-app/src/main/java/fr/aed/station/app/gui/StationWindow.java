package fr.aed.station.app.gui;

import atlantafx.base.theme.PrimerLight;
import fr.aed.station.app.device.ReaderSource;
import fr.aed.station.app.sheet.PdfSheetRenderer;
import fr.aed.station.token.KeyType;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.StringConverter;

/** The officer's window: the home screen, the meeting wizard and the demonstration. */
public final class StationWindow extends Application {

  /** The system property that makes the window report its start-up time and exit. */
  public static final String STARTUP_PROBE = "station.startupProbe";

  private static Path databaseFile;
  private static Path dataDirectory;

  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "station-work");
            thread.setDaemon(true);
            return thread;
          });

  /** Opens the window and returns when it is closed. */
  public static void open(Path database, Path dataDir) {
    databaseFile = database;
    dataDirectory = dataDir;
    Application.launch(StationWindow.class);
  }

  private final OfficerSession officer = new OfficerSession();

  @Override
  public void start(Stage stage) {
    // The theme's binary form: read as it is, where its text form is parsed at every start.
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheetBSS());
    stage.setTitle(Texts.get("window.title"));
    WindowSession session = new WindowSession(officer, testers -> context(stage, testers));
    Scene scene = new Scene(session.root(), 1280, 720);
    session.start();
    stage.setScene(scene);
    if (Boolean.getBoolean(STARTUP_PROBE)) {
      reportStartupWhenShown(scene);
    }
    stage.show();
  }

  private StationContext context(Stage stage, boolean testersMode) {
    return new StationContext(
        databaseFile,
        dataDirectory.resolve("interventions"),
        new PdfSheetRenderer(),
        Clock.systemDefaultZone(),
        background,
        Platform::runLater,
        new FxDialogService(stage),
        testersMode,
        ReaderSource.system(),
        officer);
  }

  // For scripts/bench-startup: prints the milliseconds from the JVM's start to the home screen's
  // first layout in the shown window (the officer's sign-in), then closes the window.
  private static void reportStartupWhenShown(Scene scene) {
    Runnable[] probe = new Runnable[1];
    probe[0] =
        () -> {
          if (scene.getWindow() == null || !scene.getWindow().isShowing()) {
            return;
          }
          scene.removePostLayoutPulseListener(probe[0]);
          long started = ManagementFactory.getRuntimeMXBean().getStartTime();
          System.out.println("first-screen-ms " + (System.currentTimeMillis() - started));
          System.out.flush();
          Platform.exit();
        };
    scene.addPostLayoutPulseListener(probe[0]);
  }

  @Override
  public void stop() {
    background.shutdownNow();
    officer.close();
  }

  static VBox content(DemoViewModel model) {
    Label title = new Label(Texts.get("demo.title"));
    title.getStyleClass().add("title-2");
    ComboBox<KeyType> algorithm = new ComboBox<>();
    algorithm.getItems().setAll(KeyType.values());
    algorithm.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(KeyType type) {
            return type == null ? "" : type.id();
          }

          @Override
          public KeyType fromString(String id) {
            return KeyType.fromId(id);
          }
        });
    algorithm.valueProperty().bindBidirectional(model.keyTypeProperty());
    Button demo = new Button(Texts.get("demo.run"));
    demo.setId("run-demo");
    demo.setDefaultButton(true);
    demo.disableProperty().bind(model.runningProperty());
    demo.setOnAction(event -> model.runDemo());
    ListView<String> steps = new ListView<>(model.steps());
    steps.setId("steps");
    VBox.setVgrow(steps, Priority.ALWAYS);
    Label status = new Label();
    status.setId("status");
    status.setWrapText(true);
    status.textProperty().bind(model.statusProperty());
    HBox actions = new HBox(12, new Label(Texts.get("demo.algorithm")), algorithm, demo);
    VBox root = new VBox(12, title, actions, steps, status);
    root.setPadding(new Insets(16));
    return root;
  }
}
