package fr.aed.station.app.cli;

import picocli.CommandLine.Command;

/** {@code station card}: a holder's card at the desk, after its meeting. */
@Command(
    name = "card",
    mixinStandardHelpOptions = true,
    description = "A holder's card at the desk: its state.",
    subcommands = {CardStatusCommand.class})
final class CardCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
