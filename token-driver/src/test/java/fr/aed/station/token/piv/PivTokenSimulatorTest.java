package fr.aed.station.token.piv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.simulator.SimulatedCard;
import fr.aed.station.token.CardRemovedException;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.Token;
import fr.aed.station.token.TokenDescription;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.pcsc.CardReaders;
import java.security.PublicKey;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The PIV contract, and what needs a card of its own, on fresh in-process simulated cards. */
class PivTokenSimulatorTest extends PivTokenContract {

  private SimulatedCard card;

  @Override
  protected PivToken open() throws Exception {
    card = SimulatedCard.insert();
    return new PivCards(CardReaders.inProcess()).open(card.readerName());
  }

  @AfterEach
  void remove() {
    card.close();
  }

  @Test
  void signingInANewSessionBeforeThePinIsRefusedClearly() throws Exception {
    token.verifyPin("123456".toCharArray());
    PublicKey key = token.generateKeyPair(KeySlot.AUTHENTICATION, KeyType.P256);
    token.close();
    try (PivToken reopened = new PivCards(CardReaders.inProcess()).open(card.readerName())) {
      assertFalse(reopened.pinStatus().verified(), "a new session starts without the PIN");
      PivSession session = reopened.session();
      TokenException refused =
          assertThrows(
              TokenException.class,
              () -> session.sign(PivSlot.AUTHENTICATION, PivAlgorithm.ECCP256, new byte[32]));
      assertTrue(refused.getMessage().contains("PIN"), refused.getMessage());
      reopened.verifyPin("123456".toCharArray());
      byte[] signature = session.sign(PivSlot.AUTHENTICATION, PivAlgorithm.ECCP256, new byte[32]);
      assertTrue(signature.length <= 72, "a DER ECDSA signature on P-256 has at most 72 bytes");
    }
    assertEquals("EC", key.getAlgorithm());
  }

  // One RSA result in 256 starts with a zero byte; jCardSim's raw RSA drops it, a card must not.
  // 600 signatures meet such a result with a probability of 90 %.
  @Test
  void rsaSignaturesAlwaysHaveTheModulusLength() throws Exception {
    token.verifyPin("123456".toCharArray());
    PublicKey key = token.generateKeyPair(KeySlot.SIGNATURE, KeyType.RSA2048);
    java.security.Signature verifier = java.security.Signature.getInstance("SHA256withRSA");
    for (int i = 0; i < 600; i++) {
      byte[] data = ("message " + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      byte[] signature = token.signSha256(KeySlot.SIGNATURE, data);
      assertEquals(256, signature.length, "signature " + i);
      verifier.initVerify(key);
      verifier.update(data);
      assertTrue(verifier.verify(signature), "signature " + i);
    }
  }

  @Test
  void signingAnEmptySlotFailsClearly() throws Exception {
    token.verifyPin("123456".toCharArray());
    TokenException refused =
        assertThrows(TokenException.class, () -> token.signSha256(KeySlot.KEY_MANAGEMENT, DATA));
    assertTrue(refused.getMessage().contains("unknown"), refused.getMessage());
  }

  @Test
  void describesTheCardWithItsSerialAndReader() throws Exception {
    TokenDescription description = token.describe();
    assertEquals("PIV over PC/SC", description.backend());
    assertEquals("PIV card, firmware 5.7.1", description.model());
    assertTrue(description.serial().matches("[0-9]{1,10}"), "a YubiKey's serial number");
    assertEquals(card.readerName(), description.reader());
    try (SimulatedCard other = SimulatedCard.insert();
        Token otherToken = new PivCards(CardReaders.inProcess()).open(other.readerName())) {
      assertNotEquals(description.serial(), otherToken.describe().serial());
    }
  }

  @Test
  void aFreshCardHasNoCertificate() throws Exception {
    assertEquals(Optional.empty(), token.readCertificate(KeySlot.SIGNATURE));
  }

  @Test
  void removingTheCardIsReportedAsSuch() {
    card.close();
    assertThrows(CardRemovedException.class, token::pinStatus);
  }
}
