package fr.aed.station.app.cli;

import fr.aed.station.app.text.VisibleText;
import fr.aed.station.app.text.VisibleTextWriter;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code station} command: its sub-commands are the station's jobs. */
@Command(
    name = "station",
    mixinStandardHelpOptions = true,
    version = "station 0.1.0",
    description =
        "Registration officer's station: face-to-face enrollment of qualified certificates.",
    subcommands = {
      DemoCommand.class,
      EnrollCommand.class,
      ResumeCommand.class,
      DossierCommand.class,
      ListCommand.class,
      JournalCommand.class,
      AuditCommand.class,
      SheetCommand.class,
      ExportCommand.class,
      SubmitCommand.class,
      CertificateCommand.class,
      PurgeCommand.class,
      CheckIdCommand.class,
      ProofingCommand.class,
      CheckCompanyCommand.class,
      GuiCommand.class,
      SimulatorCommand.class,
      ReadersCommand.class,
      BatchCommand.class,
      OfficerCommand.class,
      UnblockPinCommand.class,
      CardCommand.class,
      CommandLine.HelpCommand.class
    })
public final class StationCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Runs the command line and returns the exit code: 0 done, 1 failed (one line on stderr saying
   * why), 2 wrong usage.
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    return execute(new CommandLine(new StationCommand()), args, out, err);
  }

  /**
   * Runs {@code station gui} with {@code args} (its own options) and returns the exit code as
   * {@link #execute}. The other commands' models are not built: opening the window does not load
   * the classes of every command's options (the first screen comes sooner).
   */
  public static int executeWindow(String[] args, PrintWriter out, PrintWriter err) {
    return execute(new CommandLine(new GuiCommand()).setCommandName("station gui"), args, out, err);
  }

  private static int execute(
      CommandLine commandLine, String[] args, PrintWriter out, PrintWriter err) {
    commandLine.registerConverter(java.time.LocalDate.class, new CommandDates());
    // Nothing printed drives the terminal: picocli's own colours are off, and whatever a dossier,
    // a card or a file name carries is shown escaped (issue 14, item 9).
    commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    PrintWriter shownOut = new PrintWriter(new VisibleTextWriter(out));
    PrintWriter shownErr = new PrintWriter(new VisibleTextWriter(err));
    commandLine.setOut(shownOut);
    commandLine.setErr(shownErr);
    commandLine.setExecutionExceptionHandler(
        (exception, line, parseResult) -> {
          if (exception instanceof StationCommandException) {
            line.getErr().println("error: " + VisibleText.of(exception.getMessage()));
            line.getErr().flush();
            return exception instanceof StationUsageException ? CommandLine.ExitCode.USAGE : 1;
          }
          if (exception instanceof StationUsageException) {
            line.getErr().println("error: " + exception.getMessage());
            line.getErr().flush();
            return 2;
          }
          throw exception;
        });
    try {
      return commandLine.execute(args);
    } finally {
      shownOut.flush();
      shownErr.flush();
    }
  }
}
