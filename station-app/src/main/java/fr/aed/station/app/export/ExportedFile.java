package fr.aed.station.app.export;

import fr.aed.station.crypto.Fingerprints;

/**
 * One file of an export package, as the manifest lists it.
 *
 * @param name the file's name inside the package
 * @param content the file's bytes
 */
public record ExportedFile(String name, byte[] content) {

  /** SHA-256 of the content, lower-case hex. */
  public String sha256() {
    return Fingerprints.sha256Hex(content);
  }

  /** The content's size in bytes. */
  public long size() {
    return content.length;
  }
}
