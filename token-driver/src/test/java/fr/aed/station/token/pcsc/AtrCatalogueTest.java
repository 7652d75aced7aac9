package fr.aed.station.token.pcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.simulator.SimulatedCard;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AtrCatalogueTest {

  private final AtrCatalogue catalogue = AtrCatalogue.bundled();

  @Test
  void identifiesAYubiKey5OverUsbAsAPivTokenWithYubicosModule() {
    CardModel model = catalogue.identify("3BFD1300008131FE158073C021C057597562694B657940");

    assertEquals("YubiKey 5 (USB)", model.name());
    assertTrue(model.known());
    assertTrue(model.piv());
    assertEquals(Optional.of("/usr/lib/x86_64-linux-gnu/libykcs11.so"), model.pkcs11Module());
  }

  @Test
  void identifiesTheSimulatedCardByTheAtrItReallySends() {
    try (SimulatedCard card = SimulatedCard.insert()) {
      CardModel model = catalogue.identify(card.atr());

      assertEquals("Station simulated PIV card", model.name());
      assertTrue(model.piv());
    }
  }

  @Test
  void anUnknownCardKeepsItsRawAtr() {
    CardModel model = catalogue.identify(new byte[] {0x3B, 0x02, 0x14, 0x50});

    assertFalse(model.known());
    assertFalse(model.piv());
    assertEquals("unknown card (ATR 3B021450)", model.displayName());
  }

  @Test
  void wildcardBytesMatchAnyValueButNotAnotherLength() {
    AtrCatalogue masked =
        AtrCatalogue.parse("test", List.of("# comment", "3B .. 01 | Masked card | - | no"));

    assertEquals("Masked card", masked.identify("3B7F01").name());
    assertEquals(Optional.empty(), masked.identify("3B7F01").pkcs11Module());
    assertFalse(masked.identify("3B7F02").known());
    assertFalse(masked.identify("3B7F0100").known());
  }

  @Test
  void aMalformedLineIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AtrCatalogue.parse("cat.txt", List.of("", "3B 0G | Bad | - | yes")));

    assertTrue(e.getMessage().startsWith("cat.txt, line 2: "), e.getMessage());
  }
}
