package fr.aed.station.app.cli;

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

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "0",
      description =
          "While the authority says it issues later, ask again after the delay it gives, for up"
              + " to this many seconds (default: ${DEFAULT-VALUE}, ask once).")
  int waitSeconds;

  @Option(
      names = "--holder-accepts",
      description =
          "The holder is present, read the certificate's content shown and accepts it: the"
              + " acceptance is recorded and told to the authority in the same exchange.")
  boolean holderAccepts;

  @Mixin AuthorityOptions authority;
  @Mixin OfficerOptions officer;
  @Mixin DataDirectory data;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CertificateLines lines = new CertificateLines(language, spec.commandLine().getOut());
    return new AuthorityExchange(authority, officer, data, lines)
        .run(interventionId, false, waitSeconds, holderAccepts);
  }
}
