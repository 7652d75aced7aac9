package fr.aed.station.token.pcsc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.simulator.SimulatedCard;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.Token;
import fr.aed.station.token.TokenException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CardReadersTest {

  @Test
  void listsTheSimulatedReaders() throws Exception {
    try (SimulatedCard card = SimulatedCard.insert()) {
      assertTrue(CardReaders.inProcess().readerNames().contains(card.readerName()));
    }
  }

  @Test
  void namesTheReadersPresentWhenNoneMatches() throws Exception {
    try (SimulatedCard card = SimulatedCard.insert()) {
      TokenException missing =
          assertThrows(TokenException.class, () -> CardReaders.inProcess().openPiv("Nowhere"));
      assertTrue(missing.getMessage().contains("Nowhere"), missing.getMessage());
      assertTrue(missing.getMessage().contains(card.readerName()), missing.getMessage());
    }
  }

  /** The simulator's key generator is unseeded unless patched: check it through the driver. */
  @Test
  void twoCardsGiveTwoDifferentKeys() throws Exception {
    for (KeyType type : new KeyType[] {KeyType.RSA2048, KeyType.P256}) {
      assertFalse(
          Arrays.equals(generateOnFreshCard(type), generateOnFreshCard(type)),
          type + " keys of two cards differ");
    }
  }

  private static byte[] generateOnFreshCard(KeyType type) throws Exception {
    try (SimulatedCard card = SimulatedCard.insert();
        Token token = CardReaders.inProcess().openPiv(card.readerName())) {
      token.verifyPin("123456".toCharArray());
      byte[] first = token.generateKeyPair(KeySlot.SIGNATURE, type).getEncoded();
      byte[] second = token.generateKeyPair(KeySlot.SIGNATURE, type).getEncoded();
      assertFalse(Arrays.equals(first, second), "one card makes a new key each time");
      return second;
    }
  }
}
