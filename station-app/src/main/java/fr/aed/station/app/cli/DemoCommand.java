package fr.aed.station.app.cli;

import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.enrollment.CardSetup;
import fr.aed.station.app.enrollment.EnrollmentException;
import fr.aed.station.app.enrollment.FeatureDraws;
import fr.aed.station.app.officer.DemoOfficerCard;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.token.TokenException;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code station demo}: a complete enrollment of the sample dossier on a fresh simulated card. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Enrolls the bundled sample dossier on a fresh simulated card: no hardware needed.",
      "Writes the request (PEM) and the sheet (PDF/A, signed with a demonstration officer card),",
      "and records the intervention."
    })
final class DemoCommand implements Runnable {

  @Mixin EnrollmentOptions options;
  @Mixin DataDirectory data;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    EnrollmentPreflight.check(data, options, null, null, null);
    Enrollment sample = drawnSample();
    try (OfficerCredential officer = demoOfficer(sample)) {
      new EnrollmentRunner(out)
          .run(
              sample,
              TokenConnectors.freshSimulatedCard(),
              TokenConnectors.SIMULATED_CARD_PIN::toCharArray,
              CardSetup.holderChooses(TokenConnectors.SIMULATED_HOLDER_PIN::toCharArray),
              officer,
              options,
              data);
    }
  }

  // The sample, its features drawn by the station as for an officer at the terminal.
  private Enrollment drawnSample() {
    try {
      return FeatureDraws.demonstration(
          data.database(), SampleEnrollment.begunBefore(LocalDateTime.now()));
    } catch (EnrollmentException e) {
      throw new StationCommandException(e.getMessage(), e);
    }
  }

  private OfficerCredential demoOfficer(Enrollment sample) {
    try {
      return DemoOfficerCard.open(data.demoOfficer(), sample.meeting().officer());
    } catch (TokenException e) {
      throw new StationCommandException(
          "the demonstration officer card failed: " + e.getMessage(), e);
    }
  }
}
