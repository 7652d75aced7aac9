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
import fr.aed.station.token.PinBlockedException;
import fr.aed.station.token.PinStatus;
import fr.aed.station.token.Token;
import fr.aed.station.token.TokenDescription;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.WrongPinException;
import fr.aed.station.token.pcsc.CardReaders;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The PIV token against a real simulated card, reached through the in-process readers. */
class PivTokenSimulatorTest {

  private static final byte[] DATA = "dossier 2024-0042".getBytes(StandardCharsets.UTF_8);

  private SimulatedCard card;
  private Token token;

  @BeforeEach
  void insertAndOpen() throws Exception {
    card = SimulatedCard.insert();
    token = CardReaders.inProcess().openPiv(card.readerName());
  }

  @AfterEach
  void closeAndRemove() {
    token.close();
    card.close();
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void generatesThenSignsVerifiablyWithEveryKeyType(KeyType type) throws Exception {
    token.verifyPin("123456".toCharArray());
    PublicKey publicKey = token.generateKeyPair(KeySlot.SIGNATURE, type);
    assertEquals(type.family(), publicKey.getAlgorithm());

    byte[] signature = token.signSha256(KeySlot.SIGNATURE, DATA);

    Signature verifier = Signature.getInstance(type.isRsa() ? "SHA256withRSA" : "SHA256withECDSA");
    verifier.initVerify(publicKey);
    verifier.update(DATA);
    assertTrue(verifier.verify(signature), "signature of " + type + " verifies");
  }

  @Test
  void wrongPinsCountDownThenBlock() throws Exception {
    WrongPinException first =
        assertThrows(WrongPinException.class, () -> token.verifyPin("000000".toCharArray()));
    assertEquals(2, first.triesLeft());
    WrongPinException second =
        assertThrows(WrongPinException.class, () -> token.verifyPin("000000".toCharArray()));
    assertEquals(1, second.triesLeft());
    assertThrows(PinBlockedException.class, () -> token.verifyPin("000000".toCharArray()));
    assertThrows(PinBlockedException.class, () -> token.verifyPin("123456".toCharArray()));
    assertTrue(token.pinStatus().blocked());
  }

  @Test
  void pinStatusSpendsNoTry() throws Exception {
    assertEquals(new PinStatus(false, 3), token.pinStatus());
    assertEquals(new PinStatus(false, 3), token.pinStatus());
    assertThrows(WrongPinException.class, () -> token.verifyPin("654321".toCharArray()));
    assertEquals(new PinStatus(false, 2), token.pinStatus());
    token.verifyPin("123456".toCharArray());
    assertTrue(token.pinStatus().verified());
  }

  @Test
  void generatingBeforeThePinIsRefusedClearly() {
    TokenException refused =
        assertThrows(
            TokenException.class, () -> token.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256));
    assertTrue(refused.getMessage().contains("PIN"), refused.getMessage());
  }

  @Test
  void signingInANewSessionBeforeThePinIsRefusedClearly() throws Exception {
    token.verifyPin("123456".toCharArray());
    PublicKey key = token.generateKeyPair(KeySlot.AUTHENTICATION, KeyType.P256);
    token.close();
    try (PivToken reopened =
        CardReaders.inProcess().openPiv(card.readerName(), PivToken.DEFAULT_MANAGEMENT_KEY)) {
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

  @Test
  void signingAnEmptySlotFailsClearly() throws Exception {
    token.verifyPin("123456".toCharArray());
    TokenException refused =
        assertThrows(TokenException.class, () -> token.signSha256(KeySlot.KEY_MANAGEMENT, DATA));
    assertTrue(refused.getMessage().contains("unknown"), refused.getMessage());
  }

  @Test
  void describesTheCardWithItsGuidAndReader() throws Exception {
    TokenDescription description = token.describe();
    assertEquals("PIV over PC/SC", description.backend());
    assertEquals("PIV card", description.model());
    assertEquals(32, description.serial().length());
    assertEquals(card.readerName(), description.reader());
    try (SimulatedCard other = SimulatedCard.insert();
        Token otherToken = CardReaders.inProcess().openPiv(other.readerName())) {
      assertNotEquals(description.serial(), otherToken.describe().serial());
    }
  }

  @Test
  void certificateWrittenIsReadBackEqual() throws Exception {
    assertEquals(Optional.empty(), token.readCertificate(KeySlot.SIGNATURE));
    X509Certificate certificate = TestCertificates.selfSigned();
    token.writeCertificate(KeySlot.SIGNATURE, certificate);
    assertEquals(Optional.of(certificate), token.readCertificate(KeySlot.SIGNATURE));
  }

  @Test
  void removingTheCardIsReportedAsSuch() {
    card.close();
    assertThrows(CardRemovedException.class, token::pinStatus);
  }
}
