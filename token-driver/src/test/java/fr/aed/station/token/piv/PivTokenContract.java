package fr.aed.station.token.piv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.token.KeySlot;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.PinBlockedException;
import fr.aed.station.token.PinStatus;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.WrongPinException;
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

/**
 * What every card reached through the PIV session must do, run on the in-process simulated card and
 * on the simulated card behind pcscd + vpcd. The card may be shared by all the tests (the one
 * behind pcscd is): each test leaves the PIN at its default value with all its tries.
 */
abstract class PivTokenContract {

  static final byte[] DATA = "dossier 2024-0042".getBytes(StandardCharsets.UTF_8);
  static final String PIN = "123456";
  static final String PUK = "12345678";

  PivToken token;

  /** Opens a new PIV session on the card under test. */
  abstract PivToken open() throws Exception;

  @BeforeEach
  void openToken() throws Exception {
    token = open();
  }

  @AfterEach
  void closeToken() {
    token.close();
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void generatesThenSignsVerifiablyWithEveryKeyType(KeyType type) throws Exception {
    token.verifyPin(PIN.toCharArray());
    PublicKey publicKey = token.generateKeyPair(KeySlot.SIGNATURE, type);
    assertEquals(type.family(), publicKey.getAlgorithm());

    byte[] signature = token.signSha256(KeySlot.SIGNATURE, DATA);

    Signature verifier = Signature.getInstance(type.isRsa() ? "SHA256withRSA" : "SHA256withECDSA");
    verifier.initVerify(publicKey);
    verifier.update(DATA);
    assertTrue(verifier.verify(signature), "signature of " + type + " verifies");
  }

  @Test
  void wrongPinsCountDownThenBlockAndThePukUnblocks() throws Exception {
    WrongPinException first =
        assertThrows(WrongPinException.class, () -> token.verifyPin("000000".toCharArray()));
    assertEquals(2, first.triesLeft());
    WrongPinException second =
        assertThrows(WrongPinException.class, () -> token.verifyPin("000000".toCharArray()));
    assertEquals(1, second.triesLeft());
    assertThrows(PinBlockedException.class, () -> token.verifyPin("000000".toCharArray()));
    assertThrows(PinBlockedException.class, () -> token.verifyPin(PIN.toCharArray()));
    assertTrue(token.pinStatus().blocked());

    WrongPinException wrongPuk =
        assertThrows(
            WrongPinException.class,
            () -> token.session().unblockPin("00000000".toCharArray(), PIN.toCharArray()));
    assertEquals(2, wrongPuk.triesLeft());
    token.session().unblockPin(PUK.toCharArray(), PIN.toCharArray());
    assertEquals(new PinStatus(false, 3), token.pinStatus());
    token.verifyPin(PIN.toCharArray());
    // The PUK's count is back to 3 only once it is used rightly: unblock again to restore it.
    token.session().changePin(PIN.toCharArray(), PIN.toCharArray());
  }

  @Test
  void pinStatusSpendsNoTry() throws Exception {
    assertEquals(new PinStatus(false, 3), token.pinStatus());
    assertEquals(new PinStatus(false, 3), token.pinStatus());
    assertThrows(WrongPinException.class, () -> token.verifyPin("654321".toCharArray()));
    assertEquals(new PinStatus(false, 2), token.pinStatus());
    token.verifyPin(PIN.toCharArray());
    assertTrue(token.pinStatus().verified());
  }

  @Test
  void changedPinIsTheOneToVerify() throws Exception {
    token.session().changePin(PIN.toCharArray(), "24681357".toCharArray());
    try {
      assertThrows(WrongPinException.class, () -> token.verifyPin(PIN.toCharArray()));
      token.verifyPin("24681357".toCharArray());
    } finally {
      token.session().changePin("24681357".toCharArray(), PIN.toCharArray());
    }
    token.verifyPin(PIN.toCharArray());
  }

  @Test
  void generatingBeforeThePinIsRefusedClearly() {
    TokenException refused =
        assertThrows(
            TokenException.class, () -> token.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256));
    assertTrue(refused.getMessage().contains("PIN"), refused.getMessage());
  }

  @Test
  void certificateWrittenIsReadBackEqual() throws Exception {
    X509Certificate certificate = TestCertificates.selfSigned();
    token.writeCertificate(KeySlot.SIGNATURE, certificate);
    assertEquals(Optional.of(certificate), token.readCertificate(KeySlot.SIGNATURE));
  }

  @Test
  void describesTheCardWithItsGuid() throws Exception {
    assertEquals("PIV over PC/SC", token.describe().backend());
    assertEquals(32, token.describe().serial().length());
  }
}
