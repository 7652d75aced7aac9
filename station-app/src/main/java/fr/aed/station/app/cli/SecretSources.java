package fr.aed.station.app.cli;

import fr.aed.station.app.pin.PinUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;

/**
 * Reads a card secret (PIN, PUK, management key) from an environment variable or a file, refusing
 * anything that would cost the holder a PIN try for nothing: an unset or empty variable, a file
 * others can read, a space, a tab or a second line around the secret. One final line end ("\n" or
 * "\r\n") is the only thing taken off.
 */
final class SecretSources {

  // A PIN is 8 characters, a management key 64 hex digits: anything longer is not one (and a
  // file such as /dev/zero must not be read whole).
  static final int MAX_SECRET = 128;

  /** What a secret may hold. */
  enum Format {
    /** A PIN or a PUK (SP 800-73-4: digits only). */
    DIGITS("digits"),
    /** A management key, in hex. */
    HEX("hexadecimal digits"),
    /** A secret the certificate authority gave: printable characters without spaces. */
    PRINTABLE("printable characters without spaces");

    private final String words;

    Format(String words) {
      this.words = words;
    }

    boolean accepts(int c) {
      if (this == PRINTABLE) {
        return c > ' ' && c < 0x7f;
      }
      return c >= '0' && c <= '9' || this == HEX && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
    }
  }

  private SecretSources() {}

  /**
   * The secret in {@code variable}, given by {@code option}.
   *
   * @throws PinUnavailableException if the variable is unset, empty, too long or holds anything but
   *     the secret
   */
  static char[] fromEnvironment(String variable, String option, Format format)
      throws PinUnavailableException {
    String value = System.getenv(variable);
    String where = option + "-env " + variable + ": the environment variable " + variable;
    if (value == null) {
      throw new PinUnavailableException(where + " is not set");
    }
    if (value.isEmpty()) {
      throw new PinUnavailableException(where + " is empty");
    }
    if (value.length() > MAX_SECRET + 2) {
      throw new PinUnavailableException(where + " is too long to hold a card's secret");
    }
    char[] secret = withoutLineEnd(value.toCharArray());
    return checked(secret, where, format);
  }

  /**
   * The secret in {@code file}, given by {@code option}: the whole file, less one final line end.
   *
   * @throws PinUnavailableException if the file is missing, not a regular file, readable by other
   *     users, unreadable, too long, or holds anything but the secret
   */
  static char[] fromFile(Path file, String option, Format format) throws PinUnavailableException {
    String where = option + "-file " + file;
    requireSafeFile(file, where);
    byte[] content = null;
    char[] chars = null;
    try (InputStream in = Files.newInputStream(file)) {
      content = in.readNBytes(MAX_SECRET + 3);
      if (content.length > MAX_SECRET + 2) {
        throw new PinUnavailableException(where + ": too long to hold a card's secret");
      }
      chars = new char[content.length];
      for (int i = 0; i < content.length; i++) {
        chars[i] = (char) (content[i] & 0xFF);
      }
      char[] secret = withoutLineEnd(chars);
      if (secret == chars) {
        chars = null; // returned as it is: the caller wipes it
      }
      return checked(secret, where, format);
    } catch (NoSuchFileException e) {
      throw new PinUnavailableException(where + ": no such file");
    } catch (IOException e) {
      throw new PinUnavailableException(where + ": cannot be read");
    } finally {
      if (content != null) {
        Arrays.fill(content, (byte) 0);
      }
      if (chars != null) {
        Arrays.fill(chars, '\0');
      }
    }
  }

  private static void requireSafeFile(Path file, String where) throws PinUnavailableException {
    if (!Files.exists(file)) {
      throw new PinUnavailableException(where + ": no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw new PinUnavailableException(where + ": not a regular file");
    }
    PosixFileAttributeView posix =
        Files.getFileAttributeView(file, PosixFileAttributeView.class, new LinkOption[0]);
    if (posix != null) {
      Set<PosixFilePermission> permissions;
      try {
        permissions = posix.readAttributes().permissions();
      } catch (IOException e) {
        throw new PinUnavailableException(where + ": cannot be read");
      }
      if (!ownerOnly(permissions)) {
        throw new PinUnavailableException(
            where
                + ": other users may read or change it (mode "
                + mode(permissions)
                + "): make it yours only with chmod 600 "
                + file);
      }
    }
    if (!Files.isReadable(file)) {
      throw new PinUnavailableException(where + ": cannot be read by this user");
    }
  }

  private static boolean ownerOnly(Set<PosixFilePermission> permissions) {
    return permissions.stream().allMatch(p -> p.name().startsWith("OWNER_"));
  }

  // The octal mode, as ls and chmod say it.
  private static String mode(Set<PosixFilePermission> permissions) {
    int bits = 0;
    for (PosixFilePermission permission : permissions) {
      bits |= 1 << (8 - permission.ordinal());
    }
    return String.format("0%03o", bits);
  }

  // One final "\n" or "\r\n" is what an editor or echo adds; anything else is refused later.
  private static char[] withoutLineEnd(char[] value) {
    int end = value.length;
    if (end > 0 && value[end - 1] == '\n') {
      end--;
      if (end > 0 && value[end - 1] == '\r') {
        end--;
      }
    }
    if (end == value.length) {
      return value;
    }
    char[] trimmed = Arrays.copyOf(value, end);
    Arrays.fill(value, '\0');
    return trimmed;
  }

  private static char[] checked(char[] secret, String where, Format format)
      throws PinUnavailableException {
    if (secret.length == 0) {
      throw new PinUnavailableException(where + ": empty");
    }
    for (char c : secret) {
      if (!format.accepts(c)) {
        Arrays.fill(secret, '\0');
        throw new PinUnavailableException(
            where
                + ": holds something else than "
                + format.words
                + " (a space, a tab, a second line?): write only the secret, with at most one"
                + " line end");
      }
    }
    return secret;
  }
}
