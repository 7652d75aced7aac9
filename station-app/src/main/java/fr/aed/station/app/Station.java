package fr.aed.station.app;

import fr.aed.station.app.cli.StationCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Entry point: {@code station} alone opens the window, {@code station <command>} runs it. */
public final class Station {

  private Station() {}

  public static void main(String[] args) {
    String[] effective = args.length == 0 ? new String[] {"gui"} : args;
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    boolean window = "gui".equals(effective[0]);
    int code =
        window
            ? StationCommand.executeWindow(
                Arrays.copyOfRange(effective, 1, effective.length), out, err)
            : StationCommand.execute(effective, out, err);
    if (!(args.length == 0 || "gui".equals(args[0])) || code != 0) {
      System.exit(code);
    }
  }
}
