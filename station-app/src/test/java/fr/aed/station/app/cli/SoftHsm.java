package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** SoftHSM2 as the tests of this JVM load it. */
final class SoftHsm {

  static final Path MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");

  private SoftHsm() {}

  /**
   * The configuration file SoftHSM2 reads when this JVM loads it, written with a token directory of
   * its own when missing. SOFTHSM2_CONF is set for the tests' JVM in station-app's pom.
   */
  static synchronized Path configuration() throws IOException {
    String named = System.getenv("SOFTHSM2_CONF");
    assertNotNull(named, "SOFTHSM2_CONF is set for the tests' JVM in station-app's pom");
    Path file = Path.of(named);
    if (!Files.exists(file)) {
      Files.createDirectories(file.getParent());
      Path tokens = Files.createTempDirectory(file.getParent(), "tokens-");
      Files.writeString(
          file,
          "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
    }
    return file;
  }
}
