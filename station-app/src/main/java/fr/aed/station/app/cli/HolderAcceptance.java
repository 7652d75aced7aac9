package fr.aed.station.app.cli;

import fr.aed.station.app.certificate.CertificateAuthority;
import fr.aed.station.app.certificate.CertificateDesk;
import fr.aed.station.app.certificate.CertificateException;
import fr.aed.station.app.certificate.CertificateProgress;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.certificate.CertificateVerdict;
import fr.aed.station.crypto.cmp.CmpClient;
import java.io.Console;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The holder's answer to a received certificate at the terminal: its content shown, then the holder
 * types the word of acceptance (or the officer declares with {@code --holder-accepts} that the
 * holder read it and accepted, recorded as the officer's declaration), recorded with its time and
 * told to the authority where the certificate came by CMP; a certificate not accepted is recorded
 * as declined.
 */
final class HolderAcceptance {

  private final CertificateLines lines;
  private final boolean givenOnCommandLine;

  HolderAcceptance(CertificateLines lines, boolean givenOnCommandLine) {
    this.lines = lines;
    this.givenOnCommandLine = givenOnCommandLine;
  }

  /**
   * Shows the certificate, checked again now, with what the holder is to read (unless {@code shown}
   * already), and records the holder's answer.
   *
   * @param confirmation the CMP client that tells the authority, asked for only when needed
   * @return whether the holder accepted
   */
  boolean ask(
      CertificateDesk desk,
      String interventionId,
      CertificateAuthority authority,
      boolean shown,
      Supplier<CmpClient> confirmation)
      throws CertificateException, StoreException {
    if (!shown) {
      CertificateVerdict verdict = desk.recheck(interventionId, authority);
      lines.verdict(interventionId, verdict, false);
      if (!verdict.accepted()) {
        return false;
      }
    }
    if (!givenOnCommandLine && !typed()) {
      CertificateProgress declined = desk.progress(interventionId);
      desk.decline(
          interventionId,
          "HOLDER_AT_TERMINAL",
          declined.cameByCmp() ? Optional.of(confirmation.get()) : Optional.empty());
      lines.line("certificate.not-accepted");
      return false;
    }
    CertificateProgress progress = desk.progress(interventionId);
    Optional<CmpClient> client =
        progress.cameByCmp() ? Optional.of(confirmation.get()) : Optional.empty();
    String informed =
        desk.accept(
            interventionId,
            givenOnCommandLine ? "DECLARED_BY_OFFICER" : "TYPED_BY_HOLDER_AT_TERMINAL",
            client);
    lines.line("certificate.accepted");
    if (informed.startsWith("NOT_TAKEN")) {
      lines.line("certificate.confirmation-not-taken", informed.substring("NOT_TAKEN ".length()));
    }
    return true;
  }

  /**
   * At the installation of a certificate accepted earlier: shows it again, checked now, and has the
   * holder confirm it; a holder who no longer accepts it is recorded as declining.
   *
   * @return whether the holder confirmed
   */
  boolean confirm(CertificateDesk desk, String interventionId, CertificateAuthority authority)
      throws CertificateException, StoreException {
    CertificateVerdict verdict = desk.recheck(interventionId, authority);
    lines.verdict(interventionId, verdict, false);
    if (!verdict.accepted()) {
      return false;
    }
    if (!givenOnCommandLine && !typed()) {
      desk.decline(interventionId, "HOLDER_AT_TERMINAL");
      lines.line("certificate.not-accepted");
      return false;
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
    // what the holder accepts is on the screen before the question
    lines.flush();
    String answer = console.readLine("%s", lines.acceptQuestion());
    return answer != null
        && answer
            .strip()
            .toLowerCase(Locale.ROOT)
            .equals(lines.acceptWord().toLowerCase(Locale.ROOT));
  }
}
