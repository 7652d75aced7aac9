package fr.aed.station.app.cli;

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
        .run(interventionId, true, waitSeconds, holderAccepts);
  }
}
