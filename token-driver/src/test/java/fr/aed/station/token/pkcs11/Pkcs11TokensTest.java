package fr.aed.station.token.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.token.pkcs11.Pkcs11Tokens.PresentToken;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The tokens of SoftHSM2's slots, as a batch waits for them one after another. */
class Pkcs11TokensTest {

  @Test
  void waitsForATokenNotYetKnownAndLeavesBlankTokensOut() throws Exception {
    SoftHsmTokens.configuration();
    Pkcs11Tokens tokens = Pkcs11Tokens.of(SoftHsmTokens.MODULE);
    // Tokens of other tests of this JVM may be there: they count as known.
    Set<String> known =
        tokens.present().stream().map(PresentToken::identity).collect(Collectors.toSet());

    long started = System.nanoTime();
    assertEquals(
        Optional.empty(), tokens.await(t -> !known.contains(t.identity()), Duration.ofMillis(500)));
    long waited = Duration.ofNanos(System.nanoTime() - started).toMillis();
    assertTrue(waited >= 500 && waited < 5_000, "waited " + waited + " ms");

    String label = SoftHsmTokens.initToken("batch");
    PresentToken first =
        tokens.await(t -> !known.contains(t.identity()), Duration.ofSeconds(5)).orElseThrow();
    assertEquals(label, first.label());
    assertFalse(first.serial().isEmpty());
    assertTrue(first.slotDescription().startsWith("SoftHSM slot"), first.slotDescription());
    assertEquals(first.identity(), identityOf(tokens.present(), label));

    Set<String> enrolled = new HashSet<>(known);
    enrolled.add(first.identity());
    assertEquals(
        Optional.empty(),
        tokens.await(t -> !enrolled.contains(t.identity()), Duration.ofMillis(300)));
    String secondLabel = SoftHsmTokens.initToken("batch");
    PresentToken second =
        tokens.await(t -> !enrolled.contains(t.identity()), Duration.ofSeconds(5)).orElseThrow();
    assertEquals(secondLabel, second.label());
    assertTrue(second.slotId() != first.slotId());
    assertTrue(!second.identity().equals(first.identity()));

    // SoftHSM2 always offers one more slot with a blank token: it is never listed.
    int slots = Pkcs11Module.load(SoftHsmTokens.MODULE).slotsWithToken().size();
    assertEquals(slots - 1, tokens.present().size());
  }

  private static String identityOf(List<PresentToken> present, String label) {
    return present.stream()
        .filter(t -> t.label().equals(label))
        .map(PresentToken::identity)
        .findFirst()
        .orElse("");
  }
}
