package fr.aed.station.app.export;

import fr.aed.station.crypto.Fingerprints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An export package as written.
 *
 * @param zip the package file
 * @param sha256 SHA-256 of the package file
 * @param manifestSha256 SHA-256 of the manifest it holds
 */
public record ExportPackage(Path zip, String sha256, String manifestSha256) {

  static ExportPackage of(Path zip, byte[] manifest) {
    try {
      return new ExportPackage(
          zip, Fingerprints.sha256Hex(Files.readAllBytes(zip)), Fingerprints.sha256Hex(manifest));
    } catch (IOException e) {
      throw new UncheckedIOException("the package just written cannot be read back", e);
    }
  }
}
