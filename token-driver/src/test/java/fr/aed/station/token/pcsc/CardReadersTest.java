package fr.aed.station.token.pcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.simulator.SimulatedCard;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.Token;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.piv.PivCards;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
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
          assertThrows(
              TokenException.class, () -> new PivCards(CardReaders.inProcess()).open("Nowhere"));
      assertTrue(missing.getMessage().contains("Nowhere"), missing.getMessage());
      assertTrue(missing.getMessage().contains(card.readerName()), missing.getMessage());
    }
  }

  @Test
  void aSessionOnReadersOfItsOwnReleasesThemWhenItCloses() throws Exception {
    List<CardTerminals> opened = new CopyOnWriteArrayList<>();
    List<CardTerminals> released = new CopyOnWriteArrayList<>();
    AtomicBoolean readerGone = new AtomicBoolean();
    CardReaders readers =
        new CardReaders(
            new CardReaders.TerminalSource() {
              @Override
              public CardTerminals open() throws NoSuchAlgorithmException, CardException {
                CardTerminals terminals =
                    readerGone.get()
                        ? new ScriptedReaders()
                        : TerminalFactory.getInstance("StationSimulator", null).terminals();
                opened.add(terminals);
                return terminals;
              }

              @Override
              public void release(CardTerminals terminals) {
                released.add(terminals);
              }

              @Override
              public boolean sessionsOwnReaders() {
                return true;
              }
            },
            "test");
    try (SimulatedCard card = SimulatedCard.insert()) {
      try (Token token = new PivCards(readers).open(card.readerName())) {
        token.verifyPin("123456".toCharArray());
        // The session's readers only: a CardReaders taken for one session keeps none.
        assertEquals(1, opened.size());
        assertTrue(released.isEmpty(), released.toString());
      }
      assertEquals(List.of(opened.get(0)), released);

      // A session that cannot start (no such reader) releases its readers at once.
      readerGone.set(true);
      assertThrows(NoReaderException.class, () -> new PivCards(readers).open(card.readerName()));
      assertEquals(2, opened.size());
      assertEquals(opened, released);
      // The readers kept for listings are not the sessions'.
      readerGone.set(false);
      assertTrue(readers.readerNames().contains(card.readerName()));
      assertEquals(3, opened.size());
      assertEquals(2, released.size());
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
        Token token = new PivCards(CardReaders.inProcess()).open(card.readerName())) {
      token.verifyPin("123456".toCharArray());
      byte[] first = token.generateKeyPair(KeySlot.SIGNATURE, type).getEncoded();
      byte[] second = token.generateKeyPair(KeySlot.SIGNATURE, type).getEncoded();
      assertFalse(Arrays.equals(first, second), "one card makes a new key each time");
      return second;
    }
  }
}
