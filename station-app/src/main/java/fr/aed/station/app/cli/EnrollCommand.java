package fr.aed.station.app.cli;

import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.dossier.DossierFileException;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.officer.OfficerCredential;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code station enroll}: enrolls a given dossier on a given token. */
@Command(
    name = "enroll",
    mixinStandardHelpOptions = true,
    description =
        "Enrolls a dossier on the holder's token. The PIN never goes on the command line.")
final class EnrollCommand implements Runnable {

  @Option(
      names = "--dossier",
      required = true,
      paramLabel = "FILE",
      description = "The enrollment file (JSON; see `station dossier sample`).")
  Path dossier;

  @Option(
      names = "--token",
      converter = TokenSpecConverter.class,
      required = true,
      paramLabel = "SPEC",
      description =
          "pcsc:<reader name part>, pkcs11:<module>[;slot=N|;token=LABEL][;so-pin-env=VAR], or"
              + " simulated for a fresh simulated card. so-pin-env names the variable holding the"
              + " security officer's PIN (ykcs11: the management key in hex).")
  TokenConnector token;

  @Mixin PinOptions pin;
  @Mixin OfficerOptions officer;
  @Mixin EnrollmentOptions options;
  @Mixin DataDirectory data;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    Enrollment enrollment = readDossier();
    EnrollmentPreflight.check(
        data, options, pin, officer, EnrollmentPreflight.given(spec, "--token"));
    try (OfficerCredential credential = officer.open(enrollment.meeting().officer(), data)) {
      new EnrollmentRunner(spec.commandLine().getOut())
          .run(
              enrollment,
              pin.connector(token),
              pin.source(),
              pin.setup(),
              credential,
              options,
              data);
    }
  }

  private Enrollment readDossier() {
    try {
      return EnrollmentFile.read(dossier);
    } catch (DossierFileException e) {
      throw new StationCommandException(e.getMessage(), e);
    }
  }
}
