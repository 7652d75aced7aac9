package fr.aed.station.app.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Option;

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

  Path database() {
    return resolve().resolve("station.db");
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
