package fr.aed.station.simulator;

import fr.aed.station.simulator.applet.PivCardState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The file that keeps a simulated card's state (see {@link PivCardState} for its format), readable
 * and writable by its owner only since it holds the card's private keys and PINs in clear.
 */
final class CardStateFile {

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final Path path;

  CardStateFile(Path path) {
    this.path = path.toAbsolutePath();
  }

  Path path() {
    return path;
  }

  /**
   * The saved state; empty when the file does not exist yet.
   *
   * @throws IOException if the file exists but cannot be read
   * @throws IllegalArgumentException naming the file when it is not a state of a supported format
   */
  Optional<PivCardState> read() throws IOException {
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    String text = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
    try {
      PivCardState state = PivCardState.parse(text);
      if (isPosix()) {
        Files.setPosixFilePermissions(path, OWNER_ONLY);
      }
      return Optional.of(state);
    } catch (IllegalArgumentException e) {
      throw refused(e);
    }
  }

  /** {@code problem} about this file's content, as the exception that names the file. */
  IllegalArgumentException refused(IllegalArgumentException problem) {
    return new IllegalArgumentException(
        "card state file " + path + " refused: " + problem.getMessage(), problem);
  }

  /**
   * Replaces the file with {@code state}, atomically: a temporary file beside it, forced to disk,
   * then moved over it, so that a crash at any moment leaves either the old or the new state.
   *
   * @throws IOException if the file cannot be written
   */
  void write(PivCardState state) throws IOException {
    Path directory = path.getParent();
    String prefix = "." + path.getFileName() + ".";
    Path temporary =
        isPosix()
            ? Files.createTempFile(directory, prefix, ".tmp", ownerOnly())
            : Files.createTempFile(directory, prefix, ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(state.text().getBytes(StandardCharsets.US_ASCII));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      Files.move(
          temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
    return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
  }

  private boolean isPosix() {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
