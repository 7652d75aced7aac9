package fr.aed.station.app.cli;

import fr.aed.station.app.certificate.CardInstallation;
import fr.aed.station.app.certificate.CertificateAuthority;
import fr.aed.station.app.certificate.CertificateDesk;
import fr.aed.station.app.certificate.CertificateException;
import fr.aed.station.app.certificate.CertificateProgress;
import fr.aed.station.app.certificate.CertificateProgress.Stage;
import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.app.text.VisibleText;
import fr.aed.station.crypto.certificate.CertificateVerdict;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code station certificate install}: the holder present, takes the certificate (from the
 * authority's answer, or a file it sent), has the holder accept its content, and writes it on the
 * holder's card next to its key, checked by a test signature.
 */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    description = {
      "Installs the certificate of a closed meeting on the holder's card, the holder present:",
      "the certificate received by CMP, or the one in --certificate (PEM, DER or PKCS#7), is",
      "checked against the record, shown to the holder who accepts it, written next to the",
      "card's key and tried with a test signature. The officer's card seals the journal.",
      "Exit code 0: installed; 3: refused by the checks or not accepted by the holder."
    })
final class CertificateInstallCommand implements Callable<Integer> {

  @Parameters(paramLabel = "INTERVENTION", description = "The intervention.")
  String interventionId;

  @Option(
      names = "--certificate",
      paramLabel = "FILE",
      description = "The certificate the authority sent otherwise: PEM, DER or PKCS#7 (.p7b).")
  Path certificateFile;

  @Option(
      names = "--token",
      converter = TokenSpecConverter.class,
      required = true,
      paramLabel = "SPEC",
      description =
          "The holder's card: pcsc:<reader name part>, pkcs11:<module>[;slot=N|;token=LABEL], or"
              + " simulated:<state file> for a saved simulated card.")
  TokenConnector token;

  @Option(
      names = "--holder-accepts",
      description =
          "The holder read the certificate's content shown and accepted it (else the holder is"
              + " asked at the terminal).")
  boolean holderAccepts;

  @Option(names = "--lang", paramLabel = "fr|en", description = "Language of the output.")
  String language;

  @Mixin PinOptions pins;
  @Mixin AuthorityOptions authority;
  @Mixin OfficerOptions officer;
  @Mixin DataDirectory data;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CertificateLines lines = new CertificateLines(language, spec.commandLine().getOut());
    pins.check();
    authority.check();
    officer.check();
    if (officer.officer == null) {
      throw new StationUsageException(
          "--officer is needed: the officer's card seals the journal once the certificate is on"
              + " the holder's card");
    }
    CertificateAuthority configured = authority.authority(data);
    try (InterventionStore store = InterventionStore.open(data.database());
        OfficerCredential credential =
            officer.open(Officers.recorded(store, interventionId), data)) {
      CertificateDesk desk = new CertificateDesk(store, Clock.systemDefaultZone());
      boolean shown = false;
      if (certificateFile != null) {
        CertificateVerdict verdict = desk.receive(interventionId, certificateFile, configured);
        lines.verdict(interventionId, verdict, false);
        if (!verdict.accepted()) {
          return 3;
        }
        shown = true;
      }
      CertificateProgress progress = desk.progress(interventionId);
      HolderAcceptance holder = new HolderAcceptance(lines, holderAccepts);
      // The holder, present for the PIN, reads the certificate before it is written, even when an
      // acceptance is on record: an unsealed entry of the journal does not stand for the holder.
      boolean answered =
          progress.stage() == Stage.RECEIVED
              ? holder.ask(
                  desk,
                  interventionId,
                  configured,
                  shown,
                  () -> authority.client(configured, credential))
              : progress.stage() != Stage.ACCEPTED
                  || holder.confirm(desk, interventionId, configured);
      if (!answered) {
        return 3;
      }
      CardInstallation.Installed installed =
          new CardInstallation(store, Clock.systemDefaultZone())
              .install(
                  interventionId, configured, pins.connector(token), pins.source(), credential);
      lines.line("certificate.installed", installed.card().serial(), installed.sha256());
      installed
          .sheetNotRevised()
          .ifPresent(why -> lines.line("certificate.sheet-not-revised", VisibleText.of(why)));
      return 0;
    } catch (StoreException | CertificateException e) {
      throw new StationCommandException(e.getMessage(), e);
    } finally {
      authority.wipe();
    }
  }
}
