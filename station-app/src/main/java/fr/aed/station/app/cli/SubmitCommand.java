package fr.aed.station.app.cli;

import fr.aed.station.app.certificate.CertificateAuthority;
import fr.aed.station.app.certificate.CertificateDesk;
import fr.aed.station.app.certificate.CertificateException;
import fr.aed.station.app.certificate.CertificateProgress.Stage;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.StoreException;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code station submit}: sends a closed meeting's request to the certificate authority by CMP and
 * says its answer: the certificate (checked), a refusal, or that it issues later.
 */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Sends a closed meeting's request to the certificate authority (CMP) and checks the",
      "certificate it sends back. Exit code 0: certificate received and checked; 2: the authority",
      "issues it later (`station certificate fetch`); 3: refused by the authority or the station."
    })
final class SubmitCommand implements Callable<Integer> {

  @Parameters(paramLabel = "INTERVENTION", description = "The intervention.")
  String interventionId;

  @Option(names = "--lang", paramLabel = "fr|en", description = "Language of the output.")
  String language;

  @Mixin AuthorityOptions authority;
  @Mixin OfficerOptions officer;
  @Mixin DataDirectory data;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CertificateLines lines = new CertificateLines(language, spec.commandLine().getOut());
    authority.check();
    officer.check();
    CertificateAuthority configured = authority.authority(data);
    try (InterventionStore store = InterventionStore.open(data.database());
        OfficerCredential credential =
            officer.open(Officers.recorded(store, interventionId), data)) {
      CertificateDesk.Answer answer =
          new CertificateDesk(store, Clock.systemDefaultZone())
              .submit(interventionId, configured, authority.client(configured, credential));
      lines.answer(interventionId, answer);
      return exitCode(answer.stage());
    } catch (StoreException | CertificateException e) {
      throw new StationCommandException(e.getMessage(), e);
    } finally {
      authority.wipe();
    }
  }

  /** 0 received, 2 waiting, 3 refused by the authority or the station. */
  static int exitCode(Stage stage) {
    return switch (stage) {
      case WAITING -> 2;
      case REFUSED_BY_CA, REJECTED -> 3;
      default -> 0;
    };
  }
}
