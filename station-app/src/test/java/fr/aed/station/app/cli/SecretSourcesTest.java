package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.cli.SecretSources.Format;
import fr.aed.station.app.pin.PinUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A secret file gives its digits less one final line end, and nothing else gets through. */
class SecretSourcesTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"123456", "123456\n", "123456\r\n"})
  void oneFinalLineEndIsTakenOff(String content) throws Exception {
    Path file = HolderPins.secretFile(dir.resolve("pin"), content);

    assertArrayEquals("123456".toCharArray(), SecretSources.fromFile(file, "--pin", Format.DIGITS));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "123456 \n", " 123456", "123456\t", "123456\r", "123456\n\n", "123456\r\n\r\n",
        "123456\nsecond line", "12 3456", "12345a", "123456\u00a0", "\n", ""
      })
  void anythingElseIsRefusedBeforeTheCardIsAsked(String content) throws Exception {
    Path file = HolderPins.secretFile(dir.resolve("pin"), content);

    PinUnavailableException refused =
        assertThrows(
            PinUnavailableException.class,
            () -> SecretSources.fromFile(file, "--pin", Format.DIGITS));
    assertTrue(refused.getMessage().startsWith("--pin-file " + file + ": "), refused.getMessage());
  }

  @Test
  void managementKeysAreHex() throws Exception {
    Path file = HolderPins.secretFile(dir.resolve("key"), "0a0B0c\n");

    assertArrayEquals(
        "0a0B0c".toCharArray(), SecretSources.fromFile(file, "--management-key", Format.HEX));
    assertThrows(
        PinUnavailableException.class,
        () -> SecretSources.fromFile(file, "--management-key", Format.DIGITS));
  }

  @ParameterizedTest
  @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw----r--", "rw--w----", "r-----r--"})
  void aFileOthersMayReadOrChangeIsRefused(String mode) throws Exception {
    Path file = HolderPins.secretFile(dir.resolve("pin"), "123456\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));

    PinUnavailableException refused =
        assertThrows(
            PinUnavailableException.class,
            () -> SecretSources.fromFile(file, "--pin", Format.DIGITS));
    assertTrue(refused.getMessage().contains("chmod 600 " + file), refused.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"rw-------", "r--------"})
  void aFileOfItsOwnerOnlyIsRead(String mode) throws Exception {
    Path file = HolderPins.secretFile(dir.resolve("pin"), "123456\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));

    assertArrayEquals("123456".toCharArray(), SecretSources.fromFile(file, "--pin", Format.DIGITS));
  }

  @Test
  void aLongFileIsNotReadWhole() throws Exception {
    Path file = HolderPins.secretFile(dir.resolve("pin"), "1".repeat(10_000));

    PinUnavailableException refused =
        assertThrows(
            PinUnavailableException.class,
            () -> SecretSources.fromFile(file, "--pin", Format.DIGITS));
    assertTrue(refused.getMessage().contains("too long"), refused.getMessage());
  }

  @Test
  void devicesAreNotSecretFiles() {
    PinUnavailableException refused =
        assertThrows(
            PinUnavailableException.class,
            () -> SecretSources.fromFile(Path.of("/dev/zero"), "--pin", Format.DIGITS));
    assertTrue(refused.getMessage().contains("not a regular file"), refused.getMessage());
  }
}
