package fr.aed.station.app.enrollment;

import fr.aed.station.app.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes what a meeting produces, whole or not at all. */
final class OutputFiles {

  private OutputFiles() {}

  /**
   * Makes sure the folder exists and can be written, before anything is recorded.
   *
   * @throws IOException naming the folder when it cannot be created or written
   */
  static void prepare(Path directory) throws IOException {
    try {
      PrivateFiles.createFolders(directory);
      Path probe = Files.createTempFile(directory, ".write-check", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw new IOException("cannot write to the output folder " + directory, e);
    }
  }

  /** Writes the file through a temporary file moved into place, so no half file is left. */
  static Path write(Path directory, String name, byte[] content) throws IOException {
    Path target = directory.resolve(name);
    Path temporary = Files.createTempFile(directory, "." + name, ".part");
    try {
      Files.write(temporary, content);
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
    return target;
  }
}
