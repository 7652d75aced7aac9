package fr.aed.station.app.cli;

import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.dossier.SampleEnrollment;
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
      "Writes the request (PEM) and the sheet (PDF), and records the intervention."
    })
final class DemoCommand implements Runnable {

  @Mixin EnrollmentOptions options;
  @Mixin DataDirectory data;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    new EnrollmentRunner(out)
        .run(
            SampleEnrollment.at(LocalDateTime.now()),
            TokenConnectors.freshSimulatedCard(),
            TokenConnectors.SIMULATED_CARD_PIN::toCharArray,
            options,
            data);
  }
}
