package fr.aed.station.app.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.batch.TokenQueue.QueuedToken;
import fr.aed.station.app.device.TokenConnectors.Pkcs11Spec;
import fr.aed.station.token.pcsc.NoCardException;
import fr.aed.station.token.pkcs11.Pkcs11Provisioning;
import fr.aed.station.token.pkcs11.Pkcs11Tokens;
import fr.aed.station.token.pkcs11.Pkcs11Tokens.PresentToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PKCS#11 tokens of a batch on SoftHSM2, in this JVM's token folder (other tests' tokens are
 * there too, and are taken like any other).
 */
class Pkcs11TokenQueueTest {

  private static final Path SOFTHSM2 = Path.of("/usr/lib/softhsm/libsofthsm2.so");

  @Test
  void takesEachTokenOnceLeavesTheOfficersReaderOutAndSaysWhenNoneComes() throws Exception {
    softHsmConfiguration();
    String suffix = "-" + ProcessHandle.current().pid();
    String officers = "officer" + suffix;
    String holders = "holder-q" + suffix;
    Pkcs11Provisioning.initToken(SOFTHSM2, officers, "12345678".toCharArray(), pin());
    Pkcs11Provisioning.initToken(SOFTHSM2, holders, "12345678".toCharArray(), pin());
    // Modules over PC/SC readers describe each slot by its reader's name; SoftHSM2 by its id.
    String officerSlot =
        Pkcs11Tokens.of(SOFTHSM2).present().stream()
            .filter(t -> t.label().equals(officers))
            .map(PresentToken::slotDescription)
            .findFirst()
            .orElseThrow();
    Pkcs11TokenQueue queue =
        new Pkcs11TokenQueue(Pkcs11Spec.parse(SOFTHSM2.toString()), officerSlot);

    List<String> places = new ArrayList<>();
    NoCardException none = null;
    while (none == null) {
      try {
        QueuedToken token = queue.next(Duration.ofMillis(300));
        assertFalse(token.mustBeRemoved(), "a token taken may stay plugged in");
        assertNotNull(token.connector());
        places.add(token.place());
        assertTrue(places.size() < 1000, "each token is taken once");
      } catch (NoCardException e) {
        none = e;
      }
    }

    assertEquals(places.size(), new HashSet<>(places).size(), places.toString());
    assertTrue(places.stream().anyMatch(p -> p.contains("'" + holders + "'")), places.toString());
    assertFalse(places.stream().anyMatch(p -> p.contains("'" + officers + "'")), places.toString());
    assertTrue(none.getMessage().contains(SOFTHSM2.toString()), none.getMessage());
  }

  @Test
  void aSlotNamedInTheSpecificationIsRefused() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Pkcs11TokenQueue(Pkcs11Spec.parse(SOFTHSM2 + ";index=0"), ""));
    assertTrue(refused.getMessage().contains("name no slot"), refused.getMessage());
  }

  private static char[] pin() {
    return "123456".toCharArray();
  }

  // SoftHSM2 reads the file named by SOFTHSM2_CONF (set for this JVM in the pom) when loaded.
  private static synchronized void softHsmConfiguration() throws Exception {
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
  }
}
