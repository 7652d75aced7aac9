package fr.aed.station.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One command of the station run in the test's JVM on a data folder, as a user types it.
 *
 * @param code the exit code
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 */
record StationRun(int code, String out, String err) {

  /** Runs {@code args} with {@code --data-dir data} added. */
  static StationRun on(Path data, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] withData = Arrays.copyOf(args, args.length + 2);
    withData[args.length] = "--data-dir";
    withData[args.length + 1] = data.toString();
    int code = StationCommand.execute(withData, new PrintWriter(out), new PrintWriter(err));
    return new StationRun(code, out.toString(), err.toString());
  }
}
