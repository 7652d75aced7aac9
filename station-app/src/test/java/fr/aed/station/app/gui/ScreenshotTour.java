package fr.aed.station.app.gui;

import atlantafx.base.theme.PrimerLight;
import fr.aed.station.app.certificate.CertificateProgress;
import fr.aed.station.app.certificate.OpensslCa;
import fr.aed.station.app.device.ReaderSource;
import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.domain.proofing.MorphologicalFeature;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.officer.DemoOfficerCard;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.sheet.PdfSheetRenderer;
import fr.aed.station.app.store.InterventionSummary;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Takes screenshots of the window's main steps, from the real window on a headless screen
 * (Monocle), for the documentation: {@code scripts/screenshots} runs it. A meeting goes from the
 * home screen to the signed sheet on the simulated card, as an officer would click through it; then
 * a closed meeting receives its certificate from a test authority and the holder is shown it. Only
 * the card readers are scripted (one reader, no card in it).
 */
public final class ScreenshotTour {

  private static final int WIDTH = 1366;
  private static final int HEIGHT = 768;

  private final Path out;
  private Scene scene;
  private final TestContexts.TestClock clock = new TestContexts.TestClock();

  private ScreenshotTour(Path out) {
    this.out = out;
  }

  /**
   * Arguments: the folder for the PNG files; then the data folder (a new temporary one if none).
   */
  public static void main(String[] args) throws Exception {
    headlessScreen();
    Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "docs/screenshots"));
    Path data = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("station-shots");
    // The window's language: French unless the tour is run with -Duser.language=en.
    Texts.use(Locale.forLanguageTag(System.getProperty("user.language", "fr")));
    // A meeting left open, so the home screen lists one.
    TestContexts.openMeeting(data, SampleEnrollment.at(LocalDateTime.now().minusHours(2)));
    ExecutorService background = Executors.newSingleThreadExecutor();
    Platform.startup(() -> {});
    try {
      new ScreenshotTour(out).tour(data, background);
    } finally {
      background.shutdownNow();
      Platform.exit();
    }
  }

  private static void headlessScreen() {
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("headless.geometry", WIDTH + "x" + HEIGHT + "-32");
    System.setProperty("prism.order", "sw");
    System.setProperty("prism.text", "t2k");
    System.setProperty("java.awt.headless", "true");
  }

  private StationShell shell;
  private StationContext context;
  private final TestContexts.FakeDialogs dialogs = new TestContexts.FakeDialogs();

  private void tour(Path data, ExecutorService background) throws Exception {
    // The home screen shows the officer signed in with the demonstration card.
    OfficerSession session = new OfficerSession();
    OfficerCredential card =
        DemoOfficerCard.open(
            data.resolve("demo-officer"),
            SampleEnrollment.at(LocalDateTime.now()).meeting().officer());
    session.signedIn(
        card,
        new SignedInOfficer(
            "Maître Jean Exemple",
            true,
            "",
            card.certificate().getSerialNumber().toString(16).toUpperCase()));
    onFx(
        () -> {
          Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
          context =
              new StationContext(
                  data.resolve("station.db"),
                  data.resolve("interventions"),
                  new PdfSheetRenderer(),
                  clock,
                  background,
                  Platform::runLater,
                  dialogs,
                  true,
                  readers(),
                  session);
          Stage stage = new Stage();
          stage.setTitle(Texts.get("window.title"));
          OfficerSignInViewModel signIn = new OfficerSignInViewModel(context, opened -> {});
          signIn.load();
          signIn.nameProperty().set("Maître Jean Exemple");
          signIn.officeProperty().set("Étude Exemple, commissaires de justice");
          signIn.addressProperty().set("1 rue de l'Exemple, 25000 Besançon");
          signIn.aedIdentifierProperty().set("AED-DEMO-025-01");
          signIn
              .trainedOnProperty()
              .set(java.time.LocalDate.now().minusMonths(2).format(TypedDossier.DAY));
          signIn.accreditationProperty().set("ACC-DEMO-2026-025");
          signIn.readerNameProperty().set("Officier");
          scene = new Scene(new OfficerSignInView(signIn).root(), WIDTH, HEIGHT);
          stage.setScene(scene);
          stage.show();
          shell = new StationShell(context);
          return null;
        });
    shot("00-sign-in");
    onFx(
        () -> {
          scene.setRoot(shell.root());
          return null;
        });
    waitFor(this::filledRow, 20);
    shot("01-home");
    fire("#new-sample-meeting");
    shot("02-dossier");
    // The officer attests at the meeting what they see there: every box starts unticked.
    fire("#forms-signed");
    fire("#next");
    String mrz = onFx(() -> ((TextArea) lookup("#mrz")).getText());
    // One digit mistyped on the second line: a check digit catches it, in red.
    onFxDo(() -> ((TextArea) lookup("#mrz")).setText(mistyped(mrz)));
    shot("03-identity-mrz-feedback");
    onFxDo(() -> ((TextArea) lookup("#mrz")).setText(mrz));
    fire("#original-seen");
    Holder holder = SampleEnrollment.at(LocalDateTime.now()).dossier().holder();
    onFxDo(() -> ((TextField) lookup("#printed-surname")).setText(holder.surname()));
    onFxDo(
        () ->
            ((TextField) lookup("#printed-given-names"))
                .setText(String.join(" ", holder.givenNames())));
    onFxDo(
        () ->
            ((TextField) lookup("#printed-birth-date"))
                .setText(holder.birthDate().format(TypedDossier.DAY)));
    fire("#next");
    fire("#reference-at-hand");
    fire("#feature-0-CONFORMS");
    // one feature cannot be checked here: the station draws another one in its place
    fire("#feature-1-NOT_VERIFIABLE");
    shot("03b-document");
    for (int i = 2; i < 4; i++) {
      fire("#feature-" + i + "-CONFORMS");
    }
    fire("#next");
    for (MorphologicalFeature feature : MorphologicalFeature.values()) {
      fire("#portrait-" + feature.name() + "-SIMILAR");
    }
    clock.advance(Proofings.PORTRAIT_TIME);
    fire("#portrait-verdict-SAME_PERSON");
    shot("03c-portrait");
    fire("#next");
    onFxDo(() -> ((TextField) lookup("#extract-reference")).setText(Proofings.EXTRACT));
    shot("04-company");
    fire("#next");
    fire("#next");
    waitFor(
        () -> !((Label) lookup("#reader-status")).getText().equals(Texts.get("token.looking")), 20);
    shot("05-token");
    // The holder types the card's PIN and their new one twice on the window turned to them; it
    // gives the screen back at once.
    fire("#holder-screen");
    Scene officers = scene;
    scene =
        onFx(
            () ->
                Window.getWindows().stream()
                    .map(Window::getScene)
                    .filter(other -> other != officers)
                    .findFirst()
                    .orElseThrow());
    shot("05a-holder-notice");
    fire("#holder-accept");
    shot("05b-holder-pin");
    onFxDo(() -> ((PasswordField) lookup("#holder-pin")).setText("123456"));
    onFxDo(() -> ((PasswordField) lookup("#holder-new-pin")).setText("472913"));
    onFxDo(() -> ((PasswordField) lookup("#holder-new-pin-again")).setText("472913"));
    fire("#holder-validate");
    scene = officers;
    waitFor(
        () ->
            lookup("#sheet-pages") != null
                && !((VBox) lookup("#sheet-pages")).getChildren().isEmpty(),
        120);
    onFx(() -> drawSignature((Canvas) lookup("#signature-pad")));
    shot("06-sheet-preview-signature");
    fire("#sign-sheet");
    waitFor(
        () ->
            lookup("#intervention-id") != null
                && !((Label) lookup("#intervention-id")).getText().isEmpty(),
        120);
    // The package for the CA, exported from the result page.
    fire("#export");
    waitFor(() -> !((Label) lookup("#export-path")).getText().isEmpty(), 120);
    shot("07-result");
    signedSheet(Path.of(onFx(() -> ((Label) lookup("#sheet-path")).getText())));
    certificate(data);
  }

  // A closed meeting without its certificate (station demo --without-certificate), and the
  // certificate a test authority issued from its request, received from a file and checked; then
  // the holder's screen showing what the holder accepts.
  private void certificate(Path data) throws Exception {
    CertificateMeetings closed = CertificateMeetings.closedWithoutCertificate(data);
    // The test authority's name in ASCII: its subject is given to openssl, which reads it as bytes.
    OpensslCa authority = OpensslCa.create(data.resolve("ca"), "AC de demonstration");
    authority.configure(data, null);
    dialogs.certificateToChoose = closed.issuedBy(authority, "issued");
    Scene officers = scene;
    onFxDo(() -> scene.setRoot(new StationShell(context).root()));
    waitFor(() -> table().getItems().stream().anyMatch(m -> m.id().equals(closed.id())), 20);
    onFxDo(
        () ->
            table()
                .getSelectionModel()
                .select(
                    table().getItems().stream()
                        .filter(m -> m.id().equals(closed.id()))
                        .findFirst()
                        .orElseThrow()));
    fire("#open-closed");
    waitFor(() -> lookup("#certificate-file") != null, 20);
    fire("#certificate-file");
    String received = CertificateWords.stage(CertificateProgress.Stage.RECEIVED);
    waitFor(() -> received.equals(((Label) lookup("#certificate-stage")).getText()), 30);
    shot("09-certificate");
    fire("#certificate-present");
    scene =
        onFx(
            () ->
                Window.getWindows().stream()
                    .map(Window::getScene)
                    .filter(
                        other ->
                            other != officers
                                && other.getRoot().lookup("#holder-certificate-accept") != null)
                    .findFirst()
                    .orElseThrow());
    shot("09a-holder-certificate");
  }

  @SuppressWarnings("unchecked")
  private TableView<InterventionSummary> table() {
    return (TableView<InterventionSummary>) lookup("#interventions");
  }

  // The signed sheet's page with the signature boxes, as it prints: the holder's drawing and the
  // officer's visible signature in their boxes.
  private void signedSheet(Path sheet) throws Exception {
    try (PDDocument document = Loader.loadPDF(sheet.toFile())) {
      BufferedImage page =
          new PDFRenderer(document).renderImageWithDPI(document.getNumberOfPages() - 1, 110);
      Path file = out.resolve("08-signed-sheet.png");
      ImageIO.write(page, "png", file.toFile());
      System.out.println(file);
    }
  }

  // The system's readers come and go on a shared machine: the token step shows one reader,
  // waiting for a card, so the meeting goes on with the simulated card in every run.
  private static ReaderSource readers() {
    return new ScriptedReaders().plug("Lecteur de cartes USB 00 00");
  }

  private static String mistyped(String mrz) {
    String[] lines = mrz.split("\n");
    // The second line starts with the date of birth (ID card) or the document number (passport).
    char[] line = lines[1].toCharArray();
    line[5] = line[5] == '8' ? '9' : '8';
    lines[1] = new String(line);
    return String.join("\n", lines);
  }

  // A flourish through the pad's own mouse handlers, as the holder's pen would draw it.
  private static Void drawSignature(Canvas pad) {
    double[][] points = {
      {40, 110},
      {70, 50},
      {95, 120},
      {120, 60},
      {150, 115},
      {185, 45},
      {210, 120},
      {250, 80},
      {290, 100},
      {330, 70},
      {370, 95},
      {420, 60}
    };
    mouse(pad, MouseEvent.MOUSE_PRESSED, points[0]);
    for (double[] point : List.of(points).subList(1, points.length)) {
      for (int step = 1; step <= 6; step++) {
        mouse(pad, MouseEvent.MOUSE_DRAGGED, point);
      }
    }
    mouse(pad, MouseEvent.MOUSE_RELEASED, points[points.length - 1]);
    return null;
  }

  // The event is given in the scene's coordinates: delivering it to the pad turns them into its
  // own.
  private static void mouse(Canvas pad, EventType<MouseEvent> type, double[] at) {
    Point2D scene = pad.localToScene(at[0], at[1]);
    Event.fireEvent(
        pad,
        new MouseEvent(
            type,
            scene.getX(),
            scene.getY(),
            scene.getX(),
            scene.getY(),
            MouseButton.PRIMARY,
            1,
            false,
            false,
            false,
            false,
            true,
            false,
            false,
            true,
            false,
            false,
            null));
  }

  private boolean filledRow() {
    return lookupAll(".table-cell").stream()
        .anyMatch(
            c -> c instanceof Labeled cell && cell.getText() != null && !cell.getText().isBlank());
  }

  private Node lookup(String selector) {
    return scene.getRoot().lookup(selector);
  }

  private java.util.Set<Node> lookupAll(String selector) {
    return scene.getRoot().lookupAll(selector);
  }

  private void fire(String selector) throws Exception {
    onFx(
        () -> {
          ((ButtonBase) lookup(selector)).fire();
          return null;
        });
    settle();
  }

  private void shot(String name) throws Exception {
    settle();
    WritableImage image = onFx(() -> scene.snapshot(null));
    Path file = out.resolve(name + ".png");
    ImageIO.write(toAwt(image), "png", file.toFile());
    System.out.println(file);
  }

  private static BufferedImage toAwt(WritableImage image) {
    int width = (int) image.getWidth();
    int height = (int) image.getHeight();
    BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    PixelReader pixels = image.getPixelReader();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        picture.setRGB(x, y, pixels.getArgb(x, y));
      }
    }
    return picture;
  }

  // Lets pending updates, layout and focus requests run before the next step.
  private static void settle() throws Exception {
    for (int i = 0; i < 3; i++) {
      Thread.sleep(150);
      onFx(() -> null);
    }
  }

  private void waitFor(BooleanSupplier condition, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!onFx(condition::getAsBoolean)) {
      if (System.nanoTime() > deadline) {
        shot("failed");
        throw new IllegalStateException(
            "the window did not reach the expected state in time: see failed.png");
      }
      Thread.sleep(100);
    }
  }

  private static void onFxDo(Runnable action) throws Exception {
    onFx(
        () -> {
          action.run();
          return null;
        });
  }

  private static <T> T onFx(Callable<T> action) throws Exception {
    FutureTask<T> task = new FutureTask<>(action);
    Platform.runLater(task);
    return task.get(60, TimeUnit.SECONDS);
  }
}
