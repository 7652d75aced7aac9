package fr.aed.station.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * What every {@link Token} backend must do, whatever it runs on: a PIV card (simulated in process
 * or behind pcscd) or a PKCS#11 module (SoftHSM2, ykcs11). The token may be shared by all the
 * tests: each test leaves the PIN at {@link #PIN} with all its tries.
 *
 * @param <T> the backend's type, for the subclass's own tests
 */
public abstract class TokenContract<T extends Token> {

  protected static final byte[] DATA = "dossier 2024-0042".getBytes(StandardCharsets.UTF_8);
  protected static final String PIN = "123456";

  protected T token;

  /** Opens a new session on the token under test. */
  protected abstract T open() throws Exception;

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
  void aGeneratedKeyComesWithEvidenceOfItsGenerationOnTheToken() throws Exception {
    token.verifyPin(PIN.toCharArray());
    token.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256);

    KeyEvidence evidence = token.keyEvidence(KeySlot.SIGNATURE);

    assertTrue(evidence.provesOnTokenGeneration(), evidence.toString());
    assertTrue(!evidence.description().isBlank());
  }

  @Test
  void generatingBeforeThePinIsRefusedClearly() {
    LoginRequiredException refused =
        assertThrows(
            LoginRequiredException.class,
            () -> token.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256));
    assertTrue(refused.getMessage().contains("PIN"), refused.getMessage());
  }

  @Test
  void aWrongPinIsRefusedAndTheRightOneThenAccepted() throws Exception {
    assertThrows(WrongPinException.class, () -> token.verifyPin("000000".toCharArray()));
    assertTrue(!token.pinStatus().verified());
    token.verifyPin(PIN.toCharArray());
    assertTrue(token.pinStatus().verified());
  }

  @Test
  void certificateWrittenIsReadBackEqual() throws Exception {
    token.verifyPin(PIN.toCharArray());
    X509Certificate certificate = TestCertificates.selfSigned();
    token.writeCertificate(KeySlot.SIGNATURE, certificate);
    assertEquals(Optional.of(certificate), token.readCertificate(KeySlot.SIGNATURE));
  }
}
