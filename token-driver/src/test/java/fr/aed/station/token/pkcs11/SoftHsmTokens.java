package fr.aed.station.token.pkcs11;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import fr.aed.station.token.TokenException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh SoftHSM2 tokens for tests, in a token directory of this JVM's own, initialized through the
 * module in this process: SoftHSM2 reads its token directory once, so tokens that {@code
 * softhsm2-util} would create after the first test loaded the module would stay invisible.
 *
 * <p>SoftHSM2 reads {@code SOFTHSM2_CONF} from the process environment when the module is
 * initialized, so the surefire configuration of this module sets it to {@code
 * target/softhsm2/softhsm2.conf}; the first call here writes that file, pointing at a new token
 * directory, before any test loads the module; {@code softhsm2-util} and {@code pkcs11-tool} run by
 * tests read the same file.
 */
public final class SoftHsmTokens {

  /** Debian's SoftHSM2 module. */
  public static final Path MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");

  public static final String USER_PIN = "123456";
  public static final String SO_PIN = "12345678";

  private static final AtomicInteger LABELS = new AtomicInteger();
  private static Path configuration;

  private SoftHsmTokens() {}

  /**
   * Initializes a new token with a label unique in this JVM and the PINs above.
   *
   * @return its label
   */
  public static String initToken(String prefix) throws IOException, TokenException {
    configuration();
    String label = prefix + "-" + LABELS.incrementAndGet();
    Pkcs11Provisioning.initToken(MODULE, label, SO_PIN.toCharArray(), USER_PIN.toCharArray());
    return label;
  }

  /**
   * Writes the configuration named by {@code SOFTHSM2_CONF}, once per JVM, pointing at a new token
   * directory beside it.
   */
  public static synchronized Path configuration() throws IOException {
    if (configuration == null) {
      String named = System.getenv("SOFTHSM2_CONF");
      assertNotNull(named, "SOFTHSM2_CONF must be set for the tests' JVM (see token-driver's pom)");
      Path file = Path.of(named);
      Files.createDirectories(file.getParent());
      Path tokens = Files.createTempDirectory(file.getParent(), "tokens-");
      Files.writeString(
          file,
          "directories.tokendir = "
              + tokens
              + "\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n",
          StandardCharsets.UTF_8);
      configuration = file;
    }
    return configuration;
  }
}
