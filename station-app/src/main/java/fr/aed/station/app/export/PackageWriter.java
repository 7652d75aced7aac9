package fr.aed.station.app.export;

import fr.aed.station.app.files.PrivateFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes the package's ZIP whole or not at all: through a temporary file moved into place. */
final class PackageWriter {

  private PackageWriter() {}

  /**
   * Makes sure the folder exists and can be written, before the officer is asked to sign.
   *
   * @throws ExportException naming the folder when it cannot be created or written
   */
  static void prepare(Path folder) throws ExportException {
    try {
      PrivateFiles.createFolders(folder);
      Files.delete(Files.createTempFile(folder, ".write-check", ".tmp"));
    } catch (IOException e) {
      throw new ExportException(
          "cannot write to the export folder " + folder + ": check it exists and is writable", e);
    }
  }

  static Path write(Path folder, ExportContents contents, byte[] manifest, byte[] signature)
      throws ExportException {
    String name = contents.interventionId() + "-export.zip";
    Path target = folder.resolve(name);
    Path temporary = null;
    try {
      temporary = Files.createTempFile(folder, "." + name, ".part");
      try (OutputStream file = Files.newOutputStream(temporary);
          ZipOutputStream zip = new ZipOutputStream(file)) {
        for (ExportedFile exported : contents.files()) {
          add(zip, exported.name(), exported.content());
        }
        add(zip, PackageManifest.FILE_NAME, manifest);
        add(zip, ManifestSignature.FILE_NAME, signature);
      }
      moveIntoPlace(temporary, target);
      return target;
    } catch (IOException e) {
      throw new ExportException("cannot write the package " + target + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(temporary);
    }
  }

  private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }

  private static void moveIntoPlace(Path temporary, Path target) throws IOException {
    try {
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path temporary) {
    if (temporary == null) {
      return;
    }
    try {
      Files.deleteIfExists(temporary);
    } catch (IOException e) {
      // A leftover hidden .part file is harmless; the package itself is whole or absent.
    }
  }
}
