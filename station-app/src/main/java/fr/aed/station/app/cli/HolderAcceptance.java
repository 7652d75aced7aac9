package fr.aed.station.app.cli;

import fr.aed.station.app.certificate.CertificateDesk;
import fr.aed.station.app.certificate.CertificateException;
import fr.aed.station.app.certificate.CertificateProgress;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.cmp.CmpClient;
import java.io.Console;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The holder's acceptance of a received certificate at the terminal: its content shown, then the
 * holder types the word of acceptance (or the officer says with {@code --holder-accepts} that the
 * holder read it and accepted), recorded with its time and told to the authority where the
 * certificate came by CMP.
 */
final class HolderAcceptance {

  private final CertificateLines lines;
  private final boolean givenOnCommandLine;

  HolderAcceptance(CertificateLines lines, boolean givenOnCommandLine) {
    this.lines = lines;
    this.givenOnCommandLine = givenOnCommandLine;
  }

  /**
   * Shows the certificate and records the holder's acceptance.
   *
   * @param confirmation the CMP client that tells the authority, asked for only when needed
   * @return whether the holder accepted
   */
  boolean ask(
      CertificateDesk desk,
      String interventionId,
      CertificateProgress progress,
      Supplier<CmpClient> confirmation)
      throws CertificateException, StoreException {
    lines.content(progress.issued().orElseThrow(), progress.certificateSha256().orElseThrow());
    if (!givenOnCommandLine && !typed()) {
      lines.line("certificate.not-accepted");
      return false;
    }
    Optional<CmpClient> client =
        progress.cameByCmp() ? Optional.of(confirmation.get()) : Optional.empty();
    String informed = desk.accept(interventionId, "TERMINAL", client);
    lines.line("certificate.accepted");
    if (informed.startsWith("NOT_TAKEN")) {
      lines.line("certificate.confirmation-not-taken", informed.substring("NOT_TAKEN ".length()));
    }
    return true;
  }

  private boolean typed() {
    Console console = System.console();
    if (console == null) {
      throw new StationUsageException(
          "no terminal to ask the holder: give --holder-accepts once the holder read the"
              + " certificate's content and accepted it");
    }
    String answer = console.readLine("%s", lines.acceptQuestion());
    return answer != null
        && answer
            .strip()
            .toLowerCase(Locale.ROOT)
            .equals(lines.acceptWord().toLowerCase(Locale.ROOT));
  }
}
