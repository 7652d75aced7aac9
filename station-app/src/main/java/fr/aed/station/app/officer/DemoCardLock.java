package fr.aed.station.app.officer;

import fr.aed.station.token.TokenException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exclusive lock under which the demonstration officer card is issued: a lock on a file of its
 * folder (mode 600) for other processes, and a lock of this JVM for its own threads, since a file
 * lock is held by the whole process and a second one from the same JVM would fail instead of
 * waiting.
 */
final class DemoCardLock {

  static final String LOCK_FILE = "officer-card.lock";

  private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

  /** Work done while holding the lock. */
  @FunctionalInterface
  interface Locked {
    void run() throws TokenException;
  }

  private DemoCardLock() {}

  /**
   * Runs {@code work} holding the lock of {@code folder}, waiting for it as long as another run
   * holds it.
   *
   * @throws TokenException if {@code work} fails or the lock file cannot be opened or locked
   */
  static void underLock(Path folder, Locked work) throws TokenException {
    Path lockFile = folder.resolve(LOCK_FILE);
    IN_THIS_JVM.lock();
    try (FileChannel channel = open(lockFile);
        FileLock lock = channel.lock()) {
      work.run();
    } catch (IOException e) {
      throw new TokenException("cannot lock " + lockFile + ": " + e.getMessage(), e);
    } finally {
      IN_THIS_JVM.unlock();
    }
  }

  private static FileChannel open(Path lockFile) throws IOException {
    Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileAttribute<?> ownerOnly =
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    try {
      return FileChannel.open(lockFile, options, ownerOnly);
    } catch (UnsupportedOperationException e) {
      return FileChannel.open(lockFile, options); // a file system without POSIX modes
    }
  }
}
