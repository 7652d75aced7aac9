package fr.aed.station.app.cli;

import picocli.CommandLine.Command;

/** {@code station certificate}: the certificate of a closed meeting, back from the authority. */
@Command(
    name = "certificate",
    mixinStandardHelpOptions = true,
    description = "The certificate the authority issued for a closed meeting.",
    subcommands = {
      CertificateFetchCommand.class,
      CertificateInstallCommand.class,
      CertificateShowCommand.class
    })
final class CertificateCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
