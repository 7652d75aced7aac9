package fr.aed.station.app.cli;

import fr.aed.station.app.device.TokenConnectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The PIN the tests' holders choose, in a file as `--new-pin-file` reads it. */
final class HolderPins {

  private HolderPins() {}

  /** A file in {@code dir} holding the holder's chosen PIN. */
  static String file(Path dir) {
    try {
      return Files.writeString(
              dir.resolve("holder-new-pin"), TokenConnectors.SIMULATED_HOLDER_PIN + "\n")
          .toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
