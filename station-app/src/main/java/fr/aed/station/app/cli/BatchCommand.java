package fr.aed.station.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aed.station.app.batch.BatchDossier;
import fr.aed.station.app.batch.BatchDossiers;
import fr.aed.station.app.batch.BatchEnrollment;
import fr.aed.station.app.batch.BatchListener;
import fr.aed.station.app.batch.CardQueue;
import fr.aed.station.app.batch.DossierOutcome;
import fr.aed.station.app.batch.DossierOutcome.Outcome;
import fr.aed.station.app.batch.Pkcs11TokenQueue;
import fr.aed.station.app.batch.TokenQueue;
import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.app.device.TokenConnectors.Pkcs11Spec;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.dossier.DossierFileException;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.enrollment.EnrollmentException;
import fr.aed.station.app.enrollment.EnrollmentListener;
import fr.aed.station.app.enrollment.EnrollmentRequest;
import fr.aed.station.app.enrollment.EnrollmentService;
import fr.aed.station.app.enrollment.MeetingDesk;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.sheet.PdfSheetRenderer;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.app.text.VisibleText;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.pcsc.CardReaders;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code station batch}: enrolls one token after another, a dossier each, for RA staff. */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description = {
      "Enrolls one token after another: for each dossier, waits for a card in the reader, enrolls",
      "it (same checks and records as `station enroll`), then waits for it to be taken out; with",
      "pkcs11:<module>, waits for a token in any slot of the module that the batch has not taken",
      "yet (by serial number and label), which may stay plugged in. A refused dossier or a failed",
      "token is reported and the batch goes on; it stops when no token comes, or a card is left",
      "in, within the timeout. Exit code 0 when every dossier was enrolled, 1 when any was",
      "refused, failed or skipped (the summary says which and why)."
    })
final class BatchCommand implements Callable<Integer> {

  // The in-process readers of simulated cards, for tests that insert and pull cards on a schedule.
  static final String SIMULATED_BATCH = "simulated-batch";
  private static final String SIMULATED_READERS = "Station simulated card";

  @Option(
      names = "--dossiers",
      required = true,
      paramLabel = "FILE|DIR",
      description = "A JSON array of enrollment files, or a folder of enrollment files (*.json).")
  Path dossiers;

  @Option(
      names = "--token",
      required = true,
      paramLabel = "SPEC",
      description = {
        "pcsc:<reader name part>: the reader where the cards are brought;",
        "pkcs11:<module>[;so-pin-env=VAR]: the module whose slots the tokens are plugged into."
      })
  String token;

  @Option(
      names = "--timeout",
      paramLabel = "S",
      defaultValue = "120",
      description =
          "Seconds to wait for each token to come and each card to be taken out (${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Mixin PinOptions pin;
  @Mixin OfficerOptions officer;
  @Mixin EnrollmentOptions options;
  @Mixin DataDirectory data;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (timeoutSeconds <= 0) {
      throw new StationCommandException("--timeout must be a positive number of seconds");
    }
    List<BatchDossier> batch = readDossiers();
    EnrollmentPreflight.checkBatch(data, options, pin, officer, token);
    Path outputs = options.out != null ? options.out : data.newOutputFolder();
    Officer profile =
        batch.stream()
            .flatMap(d -> d.enrollment().stream())
            .findFirst()
            .map(e -> e.meeting().officer())
            .orElse(null);
    List<DossierOutcome> outcomes;
    try (OfficerCredential credential = profile == null ? null : officer.open(profile, data);
        InterventionStore store = InterventionStore.open(data.database())) {
      // After the officer's card is open: a simulated one must not count as a holder's.
      TokenQueue cards = tokenQueue();
      EnrollmentService service =
          new MeetingDesk(
                  data.database(),
                  new PdfSheetRenderer(),
                  Clock.systemDefaultZone(),
                  options.timestamps())
              .on(store, credential);
      BatchEnrollment.RequestFactory requests =
          (index, enrollment, connector) -> request(index, enrollment, connector, outputs);
      outcomes =
          new BatchEnrollment(
                  service, cards, requests, Duration.ofSeconds(timeoutSeconds), progress())
              .run(batch);
    } catch (StoreException | EnrollmentException e) {
      throw new StationCommandException(e.getMessage(), e);
    }
    printSummary(outcomes);
    return outcomes.stream().allMatch(o -> o.outcome() == Outcome.ENROLLED) ? 0 : 1;
  }

  private List<BatchDossier> readDossiers() {
    try {
      return BatchDossiers.oneOfficer(BatchDossiers.read(dossiers));
    } catch (DossierFileException e) {
      throw new StationCommandException(e.getMessage(), e);
    }
  }

  private TokenQueue tokenQueue() {
    if (token.equals(SIMULATED_BATCH)) {
      CardQueue cards = new CardQueue(CardReaders.inProcess(), SIMULATED_READERS);
      try {
        // Only the cards inserted from now on: not the officer's demonstration card.
        cards.ignoreReadersPresentNow();
      } catch (TokenException e) {
        // No simulated card inserted yet: nothing to leave out.
      }
      return cards;
    }
    if (token.startsWith("pcsc:") && token.length() > "pcsc:".length()) {
      return new CardQueue(CardReaders.system(), token.substring("pcsc:".length()));
    }
    if (token.startsWith("pkcs11:")) {
      try {
        return new Pkcs11TokenQueue(
            Pkcs11Spec.parse(token.substring("pkcs11:".length())), officerReader());
      } catch (IllegalArgumentException e) {
        throw new StationCommandException(e.getMessage(), e);
      }
    }
    throw new StationCommandException(
        "unknown token '" + token + "': use pcsc:<reader name part> or pkcs11:<module>");
  }

  // The officer's card may show as a token of the same module (OpenSC serves every reader).
  private String officerReader() {
    String spec = officer.officer;
    return spec != null && spec.startsWith("pcsc:") ? spec.substring("pcsc:".length()) : "";
  }

  private EnrollmentRequest request(
      int index, Enrollment enrollment, TokenConnector connector, Path outputs) {
    String folder = String.format(Locale.ROOT, "%03d-%s", index, enrollment.dossier().id());
    return new EnrollmentRequest(
        enrollment,
        pin.connector(connector),
        pin.source(),
        pin.setup(),
        options.keyType,
        outputs.resolve(folder.replaceAll("[^A-Za-z0-9._-]", "_")),
        EnrollmentListener.NONE);
  }

  // With --json, progress goes to stderr so that stdout holds the one JSON summary.
  private BatchListener progress() {
    PrintWriter progress = options.json ? spec.commandLine().getErr() : spec.commandLine().getOut();
    return new BatchListener() {
      @Override
      public void waitingForCard(int index, int total, BatchDossier dossier) {
        progress.printf(
            "%d/%d %s: waiting for a card...%n", index, total, VisibleText.of(dossier.label()));
        progress.flush();
      }

      @Override
      public void finished(DossierOutcome outcome, int total) {
        progress.println(progressLine(outcome, total));
        progress.flush();
      }

      @Override
      public void waitingForRemoval(String reader) {
        progress.println("    take the card out of " + VisibleText.of(reader));
        progress.flush();
      }
    };
  }

  static String progressLine(DossierOutcome outcome, int total) {
    StringBuilder line =
        new StringBuilder()
            .append(outcome.index())
            .append('/')
            .append(total)
            .append(' ')
            .append(VisibleText.of(outcome.dossier().label()));
    if (!outcome.card().isEmpty()) {
      line.append(" card ").append(VisibleText.of(shortCard(outcome.card())));
    }
    line.append(": ");
    double seconds = outcome.elapsed().toMillis() / 1000.0;
    switch (outcome.outcome()) {
      case ENROLLED -> line.append(String.format(Locale.ROOT, "done in %.1f s", seconds));
      case REFUSED -> line.append("refused: ").append(VisibleText.of(outcome.reason()));
      case FAILED -> line.append("failed: ").append(VisibleText.of(outcome.reason()));
      case SKIPPED -> line.append("skipped: ").append(VisibleText.of(outcome.reason()));
    }
    return line.toString();
  }

  // A token serial is long hex: its first 8 digits tell the cards of one batch apart.
  private static String shortCard(String card) {
    return card.matches("[0-9a-fA-F]{12,}") ? card.substring(0, 8) + "..." : card;
  }

  private void printSummary(List<DossierOutcome> outcomes) {
    PrintWriter out = spec.commandLine().getOut();
    if (options.json) {
      out.println(toJson(outcomes));
    } else {
      out.println(
          String.format(
              Locale.ROOT,
              "Batch: %d dossier(s), %d enrolled, %d refused, %d failed, %d skipped",
              outcomes.size(),
              count(outcomes, Outcome.ENROLLED),
              count(outcomes, Outcome.REFUSED),
              count(outcomes, Outcome.FAILED),
              count(outcomes, Outcome.SKIPPED)));
      outcomes.stream()
          .filter(o -> o.outcome() != Outcome.ENROLLED)
          .forEach(o -> out.println("  " + progressLine(o, outcomes.size())));
    }
    out.flush();
  }

  private static long count(List<DossierOutcome> outcomes, Outcome kind) {
    return outcomes.stream().filter(o -> o.outcome() == kind).count();
  }

  static String toJson(List<DossierOutcome> outcomes) {
    ObjectNode root = EnrollmentFile.mapper().createObjectNode();
    root.put("total", outcomes.size());
    for (Outcome kind : Outcome.values()) {
      root.put(kind.name().toLowerCase(Locale.ROOT), count(outcomes, kind));
    }
    ArrayNode list = root.putArray("dossiers");
    for (DossierOutcome outcome : outcomes) {
      ObjectNode node = list.addObject();
      node.put("index", outcome.index());
      node.put("source", outcome.dossier().source());
      outcome.dossier().enrollment().ifPresent(e -> node.put("dossierId", e.dossier().id()));
      node.put("outcome", outcome.outcome().name());
      putIfAny(node, "interventionId", outcome.interventionId());
      putIfAny(node, "card", outcome.card());
      putIfAny(node, "reason", outcome.reason());
      node.put("millis", outcome.elapsed().toMillis());
      outcome
          .tokenError()
          .ifPresent(
              error ->
                  node.putObject("tokenError")
                      .put("kind", error.kind().name())
                      .put("fr", error.french())
                      .put("en", error.english()));
    }
    return root.toString();
  }

  private static void putIfAny(ObjectNode node, String field, String value) {
    if (!value.isEmpty()) {
      node.put(field, value);
    }
  }
}
