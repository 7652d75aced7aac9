package fr.aed.station.app.cli;

import fr.aed.station.app.device.TokenConnectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The PINs the tests give in files, as `--pin-file` and `--new-pin-file` read them. */
final class HolderPins {

  private HolderPins() {}

  /** A file in {@code dir} holding the holder's chosen PIN. */
  static String file(Path dir) {
    return secretFile(dir.resolve("holder-new-pin"), TokenConnectors.SIMULATED_HOLDER_PIN + "\n")
        .toString();
  }

  /** {@code file} written with {@code content}, readable by its owner only (mode 600). */
  static Path secretFile(Path file, String content) {
    try {
      Files.writeString(file, content);
      return Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
