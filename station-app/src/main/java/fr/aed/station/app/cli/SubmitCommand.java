package fr.aed.station.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

  @Mixin ExchangeOptions exchange;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    return exchange.run(true, spec.commandLine().getOut());
  }
}
