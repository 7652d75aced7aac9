package fr.aed.station.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

  @Mixin ExchangeOptions exchange;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    return exchange.run(false, spec.commandLine().getOut());
  }
}
