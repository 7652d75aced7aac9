package fr.aed.station.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.enrollment.CardSetup;
import fr.aed.station.app.enrollment.EnrollmentException;
import fr.aed.station.app.enrollment.EnrollmentListener;
import fr.aed.station.app.enrollment.EnrollmentOutcome;
import fr.aed.station.app.enrollment.EnrollmentRequest;
import fr.aed.station.app.enrollment.MeetingDesk;
import fr.aed.station.app.enrollment.StepTiming;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.pin.PinSource;
import fr.aed.station.app.sheet.PdfSheetRenderer;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.app.text.VisibleText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/** Runs one enrollment for a command and prints its steps, or one JSON object. */
final class EnrollmentRunner {

  private final PrintWriter out;
  private final boolean jsonPrinted;

  EnrollmentRunner(PrintWriter out) {
    this(out, true);
  }

  /**
   * A runner that, with {@code --json}, leaves the JSON object to its caller when {@code
   * jsonPrinted} is false (a command that adds to it).
   */
  EnrollmentRunner(PrintWriter out, boolean jsonPrinted) {
    this.out = out;
    this.jsonPrinted = jsonPrinted;
  }

  /**
   * Runs the enrollment and prints the outcome.
   *
   * @throws StationCommandException with one line for the user when anything fails
   */
  EnrollmentOutcome run(
      Enrollment enrollment,
      TokenConnector token,
      PinSource pin,
      CardSetup setup,
      OfficerCredential officer,
      EnrollmentOptions options,
      DataDirectory data) {
    return execute(
        data,
        officer,
        options,
        (desk, card) -> desk.hold(request(enrollment, token, pin, setup, options, data), card));
  }

  /** Resumes a recorded meeting; the recorded enrollment is used. */
  void resume(
      String interventionId,
      TokenConnector token,
      PinSource pin,
      CardSetup setup,
      OfficerCredential officer,
      EnrollmentOptions options,
      DataDirectory data) {
    execute(
        data,
        officer,
        options,
        (desk, card) ->
            desk.resume(interventionId, request(null, token, pin, setup, options, data), card));
  }

  private EnrollmentRequest request(
      Enrollment enrollment,
      TokenConnector token,
      PinSource pin,
      CardSetup setup,
      EnrollmentOptions options,
      DataDirectory data) {
    Path outDir = options.out != null ? options.out : data.newOutputFolder();
    EnrollmentListener listener = options.json ? EnrollmentListener.NONE : this::printStep;
    return new EnrollmentRequest(enrollment, token, pin, setup, options.keyType, outDir, listener);
  }

  private EnrollmentOutcome execute(
      DataDirectory data, OfficerCredential officer, EnrollmentOptions options, Work work) {
    MeetingDesk desk =
        new MeetingDesk(
            data.database(),
            new PdfSheetRenderer(),
            Clock.systemDefaultZone(),
            options.timestamps());
    try {
      EnrollmentOutcome outcome = work.run(desk, officer);
      print(outcome, options.json);
      return outcome;
    } catch (StoreException | EnrollmentException e) {
      throw new StationCommandException(e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface Work {
    EnrollmentOutcome run(MeetingDesk desk, OfficerCredential officer)
        throws EnrollmentException, StoreException;
  }

  private void printStep(
      fr.aed.station.app.store.Step step,
      java.time.Duration d,
      fr.aed.station.app.text.Message text) {
    out.printf(
        Locale.ROOT,
        "[%9.1f ms] %-16s %s%n",
        d.toNanos() / 1e6,
        step,
        VisibleText.of(text.inFrench()));
    out.flush();
  }

  private void print(EnrollmentOutcome outcome, boolean json) {
    if (json) {
      if (jsonPrinted) {
        out.println(toJson(outcome));
      }
    } else {
      double total = outcome.steps().stream().mapToDouble(StepTiming::millis).sum();
      out.printf(Locale.ROOT, "Total %.1f ms%n", total);
      out.println("Request : " + VisibleText.of(outcome.csrPath().toString()));
      out.println(
          "Sheet   : "
              + VisibleText.of(outcome.sheetPath().toString())
              + (outcome.sheetSigned()
                  ? " (signed by the officer)"
                  : " (NOT signed: resume with --officer to sign it)"));
      out.println(
          "Record  : "
              + outcome.interventionId()
              + " in "
              + VisibleText.of(outcome.databasePath().toString()));
      out.println("CSR SHA-256: " + outcome.csrSha256());
    }
    out.flush();
  }

  static String toJson(EnrollmentOutcome outcome) {
    return toJsonNode(outcome).toString();
  }

  /** The outcome as a JSON object, for a command that adds to it. */
  static ObjectNode toJsonNode(EnrollmentOutcome outcome) {
    ObjectNode node = EnrollmentFile.mapper().createObjectNode();
    node.put("interventionId", outcome.interventionId());
    node.put("dossierId", outcome.dossierId());
    node.put("keyAlgorithm", outcome.keyAlgorithm());
    node.put("tokenSerial", outcome.tokenSerial());
    node.put("publicKeySha256", outcome.publicKeySha256());
    node.put("csrSha256", outcome.csrSha256());
    node.put("csrPath", outcome.csrPath().toAbsolutePath().toString());
    node.put("sheetPath", outcome.sheetPath().toAbsolutePath().toString());
    node.put("sheetSigned", outcome.sheetSigned());
    node.put("databasePath", outcome.databasePath().toAbsolutePath().toString());
    ArrayNode steps = node.putArray("steps");
    for (StepTiming timing : outcome.steps()) {
      steps.addObject().put("step", timing.step().name()).put("millis", timing.millis());
    }
    return node;
  }
}
