package fr.aed.station.app.cli;

import fr.aed.station.app.certificate.CertificateAuthority;
import fr.aed.station.app.certificate.CertificateDesk;
import fr.aed.station.app.certificate.CertificateException;
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
 * {@code station certificate fetch}: asks the authority again for a certificate it issues later.
 */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    description = {
      "Asks the certificate authority again (CMP poll) for the certificate it said it issues",
      "later, and checks it. Exit code 0: received and checked; 2: still later; 3: refused."
    })
final class CertificateFetchCommand implements Callable<Integer> {

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
              .fetch(interventionId, configured, authority.client(configured, credential));
      lines.answer(interventionId, answer);
      return SubmitCommand.exitCode(answer.stage());
    } catch (StoreException | CertificateException e) {
      throw new StationCommandException(e.getMessage(), e);
    } finally {
      authority.wipe();
    }
  }
}
