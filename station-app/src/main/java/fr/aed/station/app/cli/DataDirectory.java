package fr.aed.station.app.cli;

import fr.aed.station.app.files.PrivateFiles;
import fr.aed.station.app.text.VisibleText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --data-dir} option: where the database and the default outputs live. */
final class DataDirectory {

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Where the database lives (default: $XDG_DATA_HOME/aed-station).")
  Path dataDir;

  /**
   * The data directory.
   *
   * @throws StationUsageException if {@code --data-dir} names an empty path
   */
  Path resolve() {
    if (dataDir != null) {
      WritableFolder.requireNamed(dataDir, "--data-dir");
      return dataDir;
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("aed-station");
  }

  /**
   * Checks, before anything is written, that the data directory exists or can be made, and can be
   * written.
   *
   * @throws StationUsageException saying what is wrong with it
   */
  void requireWritable() {
    WritableFolder.check(resolve(), "--data-dir", "the data folder");
  }

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  private boolean checkedModes;

  Path database() {
    Path folder = resolve();
    warnIfShared(folder);
    return folder.resolve("station.db");
  }

  // Checked at start: personal data in a folder other local users can read is said at once, with
  // the fix. The folder, the database and the demonstration card; not every meeting's outputs.
  private void warnIfShared(Path folder) {
    if (checkedModes || command == null) {
      return;
    }
    checkedModes = true;
    try {
      List<Path> shared = new ArrayList<>(PrivateFiles.looserThanPrivate(folder, 0));
      for (String own :
          List.of("station.db", "station.db-wal", "station.db-shm", "interventions")) {
        shared.addAll(PrivateFiles.looserThanPrivate(folder.resolve(own), 0));
      }
      shared.addAll(PrivateFiles.looserThanPrivate(demoOfficer(), 1));
      if (!shared.isEmpty()) {
        PrintWriter err = command.commandLine().getErr();
        err.println(
            "warning: other users of this computer can open "
                + shared.size()
                + " file(s) of the data folder, such as "
                + VisibleText.of(shared.get(0).toString())
                + ": make them yours only with chmod -R go-rwx "
                + VisibleText.of(folder.toString()));
        err.flush();
      }
    } catch (IOException e) {
      // an unreadable folder is reported by what opens it next
    }
  }

  /** Where the demonstration officer card is kept, so that it opens what it sealed. */
  Path demoOfficer() {
    return resolve().resolve("demo-officer");
  }

  /** A new folder for one meeting's outputs, under the data directory. */
  Path newOutputFolder() {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
    return resolve().resolve("interventions").resolve(stamp);
  }
}
