package fr.aed.station.app.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data folder and what it holds are the officer's alone: folders 0700, files 0600, whatever the
 * process's umask (personal data, sealed identities, the demonstration card live there).
 */
public final class PrivateFiles {

  private static final Set<PosixFilePermission> FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> GROUP_OR_OTHERS =
      EnumSet.complementOf(
          EnumSet.of(
              PosixFilePermission.OWNER_READ,
              PosixFilePermission.OWNER_WRITE,
              PosixFilePermission.OWNER_EXECUTE));

  private PrivateFiles() {}

  /** Creates the folder and its missing parents; the folders it creates are 0700. */
  public static Path createFolders(Path folder) throws IOException {
    Path absolute = folder.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) {
      return folder;
    }
    Path parent = absolute.getParent();
    if (parent != null) {
      createFolders(parent);
    }
    try {
      Files.createDirectory(absolute, attributes(FOLDER));
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(absolute)) {
        throw e;
      }
    }
    return folder;
  }

  /**
   * Creates the file empty, 0600, when it does not exist yet (so that what opens it next, such as
   * SQLite, which gives its -wal and -shm files the database's mode, keeps it private).
   */
  public static void createFileIfAbsent(Path file) throws IOException {
    try {
      Files.createFile(file, attributes(FILE));
    } catch (FileAlreadyExistsException e) {
      // kept as it is: its mode is reported by looserThanPrivate
    }
  }

  /** Writes the file, 0600 (made so if it existed looser), replacing what it held. */
  public static Path write(Path file, byte[] content) throws IOException {
    createFileIfAbsent(file);
    restrict(file);
    return Files.write(file, content);
  }

  /** Makes an existing file 0600 (a folder 0700), where the file system has modes. */
  public static void restrict(Path path) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view != null && !Files.isSymbolicLink(path)) {
      view.setPermissions(Files.isDirectory(path) ? FOLDER : FILE);
    }
  }

  /**
   * The entries of the folder (itself included, sub-folders walked, links not followed) that group
   * or others may read, write or enter.
   */
  public static List<Path> looserThanPrivate(Path folder) throws IOException {
    return looserThanPrivate(folder, Integer.MAX_VALUE);
  }

  /** The same, walking sub-folders down to {@code depth} levels only. */
  public static List<Path> looserThanPrivate(Path folder, int depth) throws IOException {
    List<Path> loose = new ArrayList<>();
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      return loose;
    }
    try (Stream<Path> entries = Files.walk(folder, depth)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        if (!Files.isSymbolicLink(entry) && isLoose(entry)) {
          loose.add(entry);
        }
      }
    }
    return loose;
  }

  private static boolean isLoose(Path entry) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(entry, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view == null) {
      return false;
    }
    Set<PosixFilePermission> permissions = view.readAttributes().permissions();
    return permissions.stream().anyMatch(GROUP_OR_OTHERS::contains);
  }

  private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
    return Path.of("")
            .toAbsolutePath()
            .getFileSystem()
            .supportedFileAttributeViews()
            .contains("posix")
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
        : new FileAttribute<?>[0];
  }
}
