package fr.aed.station.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aed.station.app.certificate.CardInstallation;
import fr.aed.station.app.certificate.CertificateException;
import fr.aed.station.app.certificate.DemonstrationCertificate;
import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.enrollment.CardSetup;
import fr.aed.station.app.enrollment.EnrollmentException;
import fr.aed.station.app.enrollment.EnrollmentOutcome;
import fr.aed.station.app.enrollment.FeatureDraws;
import fr.aed.station.app.officer.DemoOfficerCard;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.app.text.VisibleText;
import fr.aed.station.token.TokenException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code station demo}: a complete enrollment of the sample dossier on a fresh simulated card, and
 * the certificate back from a demonstration authority, installed on it.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Enrolls the bundled sample dossier on a fresh simulated card: no hardware needed.",
      "Writes the request (PEM) and the sheet (PDF/A, signed with a demonstration officer card),",
      "and records the intervention. Then a demonstration certificate authority issues the",
      "certificate, which the station checks, the holder accepts, and the station installs on the",
      "simulated card, tried with a test signature."
    })
final class DemoCommand implements Runnable {

  private static final String HOLDER_CARD = "holder-card.simulated";

  @Option(
      names = "--without-certificate",
      description =
          "Stop once the meeting is closed: the certificate is then asked for with `station"
              + " submit` (or installed from a file), on the simulated card saved in the output"
              + " folder (--token simulated:<folder>/holder-card.simulated).")
  boolean withoutCertificate;

  @Mixin EnrollmentOptions options;
  @Mixin DataDirectory data;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    EnrollmentPreflight.check(data, options, null, null, null);
    Enrollment sample = drawnSample();
    if (options.out == null) {
      options.out = data.newOutputFolder();
    }
    // A card saved beside the outputs: the certificate is installed on it after the meeting.
    TokenConnector holderCard =
        TokenConnectors.savedSimulatedCard(options.out.resolve(HOLDER_CARD));
    try (OfficerCredential officer = demoOfficer(sample)) {
      EnrollmentOutcome outcome =
          new EnrollmentRunner(out, false)
              .run(
                  sample,
                  holderCard,
                  TokenConnectors.SIMULATED_CARD_PIN::toCharArray,
                  CardSetup.holderChooses(TokenConnectors.SIMULATED_HOLDER_PIN::toCharArray),
                  officer,
                  options,
                  data);
      if (withoutCertificate) {
        print(out, outcome, null);
      } else {
        print(out, outcome, certificate(outcome, holderCard, officer));
      }
    }
  }

  private CardInstallation.Installed certificate(
      EnrollmentOutcome outcome, TokenConnector holderCard, OfficerCredential officer) {
    long started = System.nanoTime();
    try (InterventionStore store = InterventionStore.open(data.database())) {
      CardInstallation.Installed installed =
          DemonstrationCertificate.authority()
              .issueAndInstall(
                  store,
                  Clock.systemDefaultZone(),
                  outcome.interventionId(),
                  options.out,
                  holderCard,
                  TokenConnectors.SIMULATED_HOLDER_PIN::toCharArray,
                  officer);
      if (!options.json) {
        spec.commandLine()
            .getOut()
            .printf(
                Locale.ROOT,
                "[%9.1f ms] %-16s %s%n",
                (System.nanoTime() - started) / 1e6,
                "CERTIFICATE",
                "Certificat émis par l'autorité de démonstration, vérifié, accepté et installé");
      }
      return installed;
    } catch (StoreException | CertificateException e) {
      throw new StationCommandException(e.getMessage(), e);
    }
  }

  private void print(
      PrintWriter out, EnrollmentOutcome outcome, CardInstallation.Installed installed) {
    Path file = options.out.resolve(outcome.interventionId() + "-certificate.pem");
    Path card = options.out.resolve(HOLDER_CARD);
    if (options.json) {
      ObjectNode node = EnrollmentRunner.toJsonNode(outcome);
      node.put("holderCard", card.toAbsolutePath().toString());
      node.put("certificateInstalled", installed != null);
      if (installed != null) {
        node.put("certificatePath", file.toAbsolutePath().toString());
        node.put("certificateSha256", installed.sha256());
      }
      out.println(node);
    } else if (installed == null) {
      out.println(
          "Holder's card: simulated:" + VisibleText.of(card.toString()) + " (no certificate yet)");
    } else {
      out.println("Certificate: " + VisibleText.of(file.toString()) + " (installed on the card)");
      out.println("Certificate SHA-256: " + installed.sha256());
    }
    out.flush();
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
