package fr.aed.station.crypto.cmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the station accepts as the authority's address. */
class CmpEndpointTest {

  @Test
  void anAddressWithAUserAndPasswordIsRefusedWithoutRepeatingThem() {
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () -> endpoint("https://station:s3cret-word@ca.example.fr/cmp"));

    assertTrue(thrown.getMessage().contains("user name or password"), thrown.getMessage());
    assertTrue(thrown.getMessage().contains("ca.example.fr"), thrown.getMessage());
    assertFalse(thrown.getMessage().contains("s3cret-word"), thrown.getMessage());
  }

  @Test
  void anAddressWithAUserOnlyIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> endpoint("http://station@ca.example.fr/"));
  }

  @Test
  void aPlainAddressIsAccepted() {
    assertEquals(
        URI.create("https://ca.example.fr:8443/cmp"),
        endpoint("https://ca.example.fr:8443/cmp").url());
  }

  private static CmpEndpoint endpoint(String url) {
    return new CmpEndpoint(URI.create(url), Duration.ofSeconds(5), List.of(), Optional.empty());
  }
}
