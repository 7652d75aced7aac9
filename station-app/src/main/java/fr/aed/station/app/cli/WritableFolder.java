package fr.aed.station.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder option checked before a meeting opens: named, and either existing and writable or
 * creatable in a writable folder. Nothing is created here: the check leaves no trace.
 */
final class WritableFolder {

  private WritableFolder() {}

  /**
   * Checks {@code folder}, given by {@code option}; {@code what} names it for the user, such as
   * "the output folder".
   *
   * @throws StationUsageException saying what is wrong with it and what to do
   */
  static void check(Path folder, String option, String what) {
    requireNamed(folder, option);
    Path absolute = folder.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      throw new StationUsageException(option + " " + folder + ": no part of this path exists");
    }
    if (!Files.isDirectory(existing)) {
      throw new StationUsageException(
          option
              + " "
              + folder
              + ": cannot write to "
              + what
              + ": "
              + existing
              + " is a file, not a folder");
    }
    if (!Files.isWritable(existing)) {
      throw new StationUsageException(
          option
              + " "
              + folder
              + ": cannot write to "
              + what
              + ": "
              + existing
              + " is not writable for this user");
    }
  }

  /**
   * Refuses an empty or blank path, which would mean the current folder without saying so.
   *
   * @throws StationUsageException if {@code folder} is empty or blank
   */
  static void requireNamed(Path folder, String option) {
    if (folder.toString().isBlank()) {
      throw new StationUsageException(
          option + " names no folder (an empty path would be the current folder): give a path");
    }
  }
}
