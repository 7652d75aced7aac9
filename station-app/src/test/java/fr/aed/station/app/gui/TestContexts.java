package fr.aed.station.app.gui;

import fr.aed.station.app.device.ReaderSource;
import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.enrollment.CardSetup;
import fr.aed.station.app.enrollment.EnrollmentListener;
import fr.aed.station.app.enrollment.EnrollmentRequest;
import fr.aed.station.app.enrollment.EnrollmentService;
import fr.aed.station.app.sheet.PdfSheetRenderer;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.TestOfficerKey;
import fr.aed.station.token.KeyType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/** Contexts for the GUI tests, and a recording stand-in for the desktop's dialogs. */
final class TestContexts {

  private TestContexts() {}

  /** Everything on the calling thread, in the testers' mode. */
  static StationContext sameThread(Path dir, DialogService dialogs) {
    return with(dir, dialogs, Runnable::run, Runnable::run);
  }

  static StationContext with(Path dir, DialogService dialogs, Executor background, Executor ui) {
    return with(dir, dialogs, background, ui, ScriptedReaders.noService());
  }

  /** With the card readers a test scripts. */
  static StationContext with(
      Path dir, DialogService dialogs, Executor background, Executor ui, ReaderSource readers) {
    return new StationContext(
        dir.resolve("station.db"),
        dir.resolve("out"),
        new PdfSheetRenderer(),
        new TestClock(),
        background,
        ui,
        dialogs,
        true,
        readers);
  }

  /** Records a meeting left open, its sheet awaiting the officer's signature. */
  static String openMeeting(Path dir, Enrollment enrollment) throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      TestOfficerKey.register(store);
      return new EnrollmentService(store, new PdfSheetRenderer(), Clock.systemDefaultZone())
          .enroll(
              new EnrollmentRequest(
                  enrollment,
                  TokenConnectors.freshSimulatedCard(),
                  TokenConnectors.SIMULATED_CARD_PIN::toCharArray,
                  CardSetup.holderChooses(TokenConnectors.SIMULATED_HOLDER_PIN::toCharArray),
                  KeyType.P256,
                  dir.resolve("out").resolve("open-" + System.nanoTime()),
                  EnrollmentListener.NONE))
          .interventionId();
    }
  }

  /**
   * A dialog service that answers a fixed file, folder and confirmation and remembers what it was
   * asked to open and to print, and the questions asked; without a viewer ({@code viewer} false) it
   * opens nothing, as a desktop with none.
   */
  static final class FakeDialogs implements DialogService {
    Path toChoose;
    Path exportFolder;
    boolean viewer = true;
    // The officer's answer to a confirmation; the questions asked, in order.
    boolean confirms = true;
    final List<String> questions = new ArrayList<>();
    Path scanToChoose;
    Path certificateToChoose;
    Path simulatedCardToChoose;
    final List<Path> opened = new ArrayList<>();
    final List<Path> printed = new ArrayList<>();

    @Override
    public boolean confirm(String title, String question) {
      questions.add(question);
      return confirms;
    }

    @Override
    public Optional<Path> chooseExportFolder() {
      return Optional.ofNullable(exportFolder);
    }

    @Override
    public Optional<Path> chooseEnrollmentFile() {
      return Optional.ofNullable(toChoose);
    }

    @Override
    public boolean openFile(Path file) {
      if (viewer) {
        opened.add(file);
      }
      return viewer;
    }

    @Override
    public Optional<Path> chooseScanFile() {
      return Optional.ofNullable(scanToChoose);
    }

    @Override
    public Optional<Path> chooseCertificateFile() {
      return Optional.ofNullable(certificateToChoose);
    }

    @Override
    public Optional<Path> chooseSimulatedCard() {
      return Optional.ofNullable(simulatedCardToChoose);
    }

    @Override
    public void print(Path pdf) {
      printed.add(pdf);
    }
  }

  /**
   * The station's clock in tests: the system's, moved forward when a test lets time pass (the
   * portrait compared for as long as the rules ask), without waiting for it.
   */
  static final class TestClock extends Clock {

    private final ZoneId zone;
    private volatile Duration ahead;

    TestClock() {
      this(ZoneId.systemDefault(), Duration.ZERO);
    }

    private TestClock(ZoneId zone, Duration ahead) {
      this.zone = zone;
      this.ahead = ahead;
    }

    /** Lets {@code time} pass on this clock. */
    void advance(Duration time) {
      ahead = ahead.plus(time);
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new TestClock(other, ahead);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(ahead);
    }
  }
}
