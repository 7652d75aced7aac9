package fr.aed.station.app.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.aed.station.app.device.Pkcs11ModuleFile.Problem;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PKCS#11 module's file, judged without loading it. */
class Pkcs11ModuleFileTest {

  @TempDir Path dir;

  @Test
  void softHsmIsAModule() {
    assertEquals(
        Optional.empty(), Pkcs11ModuleFile.check(Path.of("/usr/lib/softhsm/libsofthsm2.so")));
  }

  @Test
  void aTextFileIsNoLibrary() {
    assertEquals(
        Optional.of(Problem.NOT_A_LIBRARY), Pkcs11ModuleFile.check(Path.of("/etc/passwd")));
  }

  @Test
  void aLibraryWithoutTheEntryPointIsNoModule() {
    Path libjava = Path.of(System.getProperty("java.home"), "lib", "libjava.so");

    assertEquals(Optional.of(Problem.NOT_PKCS11), Pkcs11ModuleFile.check(libjava));
  }

  @Test
  void missingFilesAndFoldersAreSaidSo() {
    assertEquals(Optional.of(Problem.MISSING), Pkcs11ModuleFile.check(dir.resolve("none.so")));
    assertEquals(Optional.of(Problem.NOT_A_FILE), Pkcs11ModuleFile.check(dir));
  }

  @Test
  void aProgramIsNotASharedLibrary() throws Exception {
    Path program = Files.write(dir.resolve("program"), elfHeader(2, hostMachine()));

    assertEquals(Optional.of(Problem.NOT_A_SHARED_LIBRARY), Pkcs11ModuleFile.check(program));
  }

  @Test
  void aLibraryForAnotherMachineIsSaidSo() throws Exception {
    int other = hostMachine() == 62 ? 183 : 62;
    Path library = Files.write(dir.resolve("other.so"), elfHeader(3, other));

    assertEquals(Optional.of(Problem.OTHER_ARCHITECTURE), Pkcs11ModuleFile.check(library));
  }

  @Test
  void aShortFileIsNoLibrary() throws Exception {
    Path library = Files.write(dir.resolve("short.so"), new byte[] {0x7F, 'E', 'L', 'F'});

    assertEquals(Optional.of(Problem.NOT_A_LIBRARY), Pkcs11ModuleFile.check(library));
  }

  private static int hostMachine() {
    return System.getProperty("os.arch").equals("aarch64") ? 183 : 62;
  }

  // A 64-bit little-endian ELF header of the given e_type and e_machine, without sections.
  private static byte[] elfHeader(int type, int machine) {
    ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    header.put(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1});
    header.putShort(16, (short) type);
    header.putShort(18, (short) machine);
    return header.array();
  }
}
