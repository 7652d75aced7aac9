package fr.aed.station.app.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.enrollment.CardSetup;
import fr.aed.station.app.enrollment.EnrollmentListener;
import fr.aed.station.app.enrollment.EnrollmentOutcome;
import fr.aed.station.app.enrollment.EnrollmentRequest;
import fr.aed.station.app.enrollment.EnrollmentService;
import fr.aed.station.app.enrollment.StepTiming;
import fr.aed.station.app.officer.DemoOfficerCard;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.sheet.PdfSheetRenderer;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.Step;
import fr.aed.station.crypto.sealing.SealedEnvelope;
import fr.aed.station.token.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each step of an enrollment costs in a warm station (the window, a batch): N enrollments per
 * key type on fresh simulated cards, after warm-up, with the median and spread of each step. The
 * card's own key generation is the floor; the rest is the station's overhead.
 *
 * <p>Run with {@code scripts/bench-enrollment [N]}; not part of the test suite.
 */
public final class EnrollmentBenchmark {

  private EnrollmentBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Path dir = Files.createTempDirectory("enrollment-bench");
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"));
        OfficerCredential officer =
            DemoOfficerCard.issue(SampleEnrollment.at(LocalDateTime.now()).meeting().officer())) {
      EnrollmentService service =
          new EnrollmentService(store, new PdfSheetRenderer(), Clock.systemDefaultZone(), officer);
      for (KeyType type : KeyType.values()) {
        measure(service, type, 3, dir);
        print(type, measure(service, type, runs, dir));
      }
      sealing(officer, runs);
    }
  }

  /** What sealing an identity for the officer's card costs, and opening it on the card. */
  private static void sealing(OfficerCredential officer, int runs) throws Exception {
    byte[] identity = "{\"number\":\"X4RTBPFW4\",\"mrz\":\"...\"}".getBytes(UTF_8);
    List<Double> seal = new ArrayList<>();
    List<Double> open = new ArrayList<>();
    for (int i = 0; i < runs + 3; i++) {
      long started = System.nanoTime();
      byte[] sealed = SealedEnvelope.seal(identity, officer.keyManagement());
      long sealedAt = System.nanoTime();
      SealedEnvelope.open(sealed, officer.keyManagement(), officer.decryption().orElseThrow());
      long openedAt = System.nanoTime();
      if (i >= 3) {
        seal.add((sealedAt - started) / 1e6);
        open.add((openedAt - sealedAt) / 1e6);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%nidentity sealing (%d runs): seal median %.1f ms, open on the officer's card median"
            + " %.1f ms%n",
        runs,
        seal.stream().sorted().toList().get(runs / 2),
        open.stream().sorted().toList().get(runs / 2));
  }

  private static Map<Step, List<Double>> measure(
      EnrollmentService service, KeyType type, int runs, Path dir) throws Exception {
    Map<Step, List<Double>> millis = new EnumMap<>(Step.class);
    for (int i = 0; i < runs; i++) {
      EnrollmentOutcome outcome =
          service.enroll(
              new EnrollmentRequest(
                  SampleEnrollment.at(LocalDateTime.now()),
                  TokenConnectors.freshSimulatedCard(),
                  TokenConnectors.SIMULATED_CARD_PIN::toCharArray,
                  CardSetup.holderChooses(TokenConnectors.SIMULATED_HOLDER_PIN::toCharArray),
                  type,
                  dir.resolve("out-" + type.id() + "-" + i),
                  EnrollmentListener.NONE));
      for (StepTiming timing : outcome.steps()) {
        millis.computeIfAbsent(timing.step(), s -> new ArrayList<>()).add(timing.millis());
      }
    }
    return millis;
  }

  private static void print(KeyType type, Map<Step, List<Double>> millis) {
    System.out.printf(Locale.ROOT, "%n%s (%d runs)%n", type.id(), millis.get(Step.CLOSED).size());
    double total = 0;
    for (Map.Entry<Step, List<Double>> step : millis.entrySet()) {
      List<Double> sorted = step.getValue().stream().sorted().toList();
      double median = sorted.get(sorted.size() / 2);
      total += median;
      System.out.printf(
          Locale.ROOT,
          "  %-18s median %8.1f ms   min %8.1f   max %8.1f%n",
          step.getKey(),
          median,
          sorted.get(0),
          sorted.get(sorted.size() - 1));
    }
    System.out.printf(Locale.ROOT, "  %-18s        %8.1f ms%n", "sum of medians", total);
  }
}
