package fr.aed.station.app.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the file the officer names as the holder's scan: only a regular file, never through a
 * symbolic link, never more than {@link #MAX_BYTES} into memory.
 */
public final class ScanFile {

  /** The largest scan read, in bytes: a sheet scanned at 600 DPI in colour fits well below. */
  public static final int MAX_BYTES = 20 * 1024 * 1024;

  private static final int CHUNK = 64 * 1024;

  private ScanFile() {}

  /**
   * The file's bytes.
   *
   * @throws ScanRefusedException if the file does not exist, is a symbolic link, a directory, a
   *     device or a pipe, is empty or larger than {@link #MAX_BYTES}, was replaced while it was
   *     opened, or cannot be read
   */
  public static byte[] read(Path file) throws ScanRefusedException {
    String name = ScanName.shown(file);
    BasicFileAttributes before = attributes(file, name);
    if (before.isSymbolicLink()) {
      throw new ScanRefusedException(
          "the scan " + name + " is a symbolic link: give the scanned file itself");
    }
    if (!before.isRegularFile()) {
      throw new ScanRefusedException(
          "the scan " + name + " is not a regular file (a directory, a device or a pipe)");
    }
    checkSize(name, before.size());
    // O_NOFOLLOW: a symbolic link put in the file's place after the check is not opened.
    try (SeekableByteChannel channel =
        Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
      BasicFileAttributes opened = attributes(file, name);
      if (!opened.isRegularFile() || !sameFile(before, opened)) {
        throw new ScanRefusedException(
            "the scan " + name + " was replaced while it was being read: give it again");
      }
      return readAtMost(channel, name);
    } catch (FileSystemException e) {
      throw new ScanRefusedException(
          "cannot open the scan " + name + " as a regular file: " + e.getReason(), e);
    } catch (IOException e) {
      throw new ScanRefusedException("cannot read the scan " + name + ": " + e.getMessage(), e);
    }
  }

  private static BasicFileAttributes attributes(Path file, String name)
      throws ScanRefusedException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw new ScanRefusedException("the scan " + name + " does not exist", e);
    } catch (IOException e) {
      throw new ScanRefusedException("cannot read the scan " + name + ": " + e.getMessage(), e);
    }
  }

  // The file key is the device and inode on Linux and macOS; where the system gives none
  // (Windows), the file's creation time stands for it.
  private static boolean sameFile(BasicFileAttributes before, BasicFileAttributes opened) {
    if (before.fileKey() != null || opened.fileKey() != null) {
      return Objects.equals(before.fileKey(), opened.fileKey());
    }
    return before.creationTime().equals(opened.creationTime());
  }

  // The file may grow between the check and the read: the limit holds on what is read too.
  private static byte[] readAtMost(SeekableByteChannel channel, String name)
      throws IOException, ScanRefusedException {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
    int read;
    while ((read = channel.read(buffer)) != -1) {
      content.write(buffer.array(), 0, read);
      buffer.clear();
      if (content.size() > MAX_BYTES) {
        throw tooLarge(name);
      }
    }
    checkSize(name, content.size());
    return content.toByteArray();
  }

  private static void checkSize(String name, long size) throws ScanRefusedException {
    if (size == 0) {
      throw new ScanRefusedException("the scan " + name + " is empty");
    }
    if (size > MAX_BYTES) {
      throw tooLarge(name);
    }
  }

  private static ScanRefusedException tooLarge(String name) {
    return new ScanRefusedException(
        "the scan "
            + name
            + " is larger than "
            + MAX_BYTES / (1024 * 1024)
            + " MiB: scan it again at a lower resolution (200 to 300 DPI)");
  }
}
