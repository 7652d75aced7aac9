package fr.aed.station.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {

  @TempDir Path dir;

  @Test
  void foldersAndFilesItMakesArePrivateWhateverTheUmask() throws Exception {
    Path folder = PrivateFiles.createFolders(dir.resolve("a/b/c"));
    Path file = folder.resolve("f");
    PrivateFiles.write(file, new byte[] {1, 2});

    assertEquals("rwx------", mode(dir.resolve("a")));
    assertEquals("rwx------", mode(folder));
    assertEquals("rw-------", mode(file));
    assertEquals(2, Files.size(file));
  }

  @Test
  void looserEntriesAreFoundAndRestricted() throws Exception {
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Path open = Files.writeString(shared.resolve("open"), "x");
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));

    assertEquals(List.of(shared, open), PrivateFiles.looserThanPrivate(dir));

    PrivateFiles.restrict(shared);
    PrivateFiles.restrict(open);
    assertTrue(PrivateFiles.looserThanPrivate(dir).isEmpty());
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
