package fr.aed.station.app.cli;

import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import java.time.LocalDateTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code station dossier}: the enrollment file format. */
@Command(
    name = "dossier",
    mixinStandardHelpOptions = true,
    description = "Enrollment files (dossier and meeting record, JSON).",
    subcommands = DossierCommand.Sample.class)
final class DossierCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "sample",
      mixinStandardHelpOptions = true,
      description = "Prints the bundled sample enrollment file, dated today.")
  static final class Sample implements Runnable {

    @Spec CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine()
          .getOut()
          .println(EnrollmentFile.toJson(SampleEnrollment.begunBefore(LocalDateTime.now())));
    }
  }
}
