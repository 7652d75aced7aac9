package fr.aed.station.app.cli;

import fr.aed.station.app.certificate.CertificateDesk;
import fr.aed.station.app.certificate.CertificateException;
import fr.aed.station.app.certificate.CertificateProgress;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.StoreException;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code station certificate show}: where a closed meeting's certificate stands. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Says where a closed meeting's certificate stands, as its journal records it.")
final class CertificateShowCommand implements Runnable {

  @Parameters(paramLabel = "INTERVENTION", description = "The intervention.")
  String interventionId;

  @Option(names = "--lang", paramLabel = "fr|en", description = "Language of the output.")
  String language;

  @Mixin DataDirectory data;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    CertificateLines lines = new CertificateLines(language, spec.commandLine().getOut());
    try (InterventionStore store = InterventionStore.openForReading(data.database())) {
      CertificateProgress progress =
          new CertificateDesk(store, Clock.systemDefaultZone()).progress(interventionId);
      lines.line("certificate.stage." + progress.stage().name());
      if (progress.certificate().isPresent() && !progress.consistent()) {
        lines.line("certificate.inconsistent");
      }
      progress
          .issued()
          .ifPresent(issued -> lines.content(issued, progress.certificateSha256().orElseThrow()));
      progress
          .last()
          .ifPresent(last -> lines.line("certificate.last-event", last.name(), last.recordedAt()));
    } catch (StoreException | CertificateException e) {
      throw new StationCommandException(e.getMessage(), e);
    }
  }
}
