package fr.aed.station.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
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

  /**
   * Whether the backend generates keys of {@code type}; those it does not must be refused with
   * {@link UnsupportedKeyTypeException}. All of them unless a subclass says otherwise.
   */
  protected boolean generates(KeyType type) {
    return true;
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void generatesThenSignsVerifiablyWithEveryKeyType(KeyType type) throws Exception {
    token.verifyPin(PIN.toCharArray());
    if (!generates(type)) {
      assertThrows(
          UnsupportedKeyTypeException.class, () -> token.generateKeyPair(KeySlot.SIGNATURE, type));
      assertTrue(token.pinStatus().verified(), "the refusal leaves the holder logged in");
      return;
    }
    PublicKey publicKey = token.generateKeyPair(KeySlot.SIGNATURE, type);
    assertEquals(type.family(), publicKey.getAlgorithm());

    byte[] signature = token.signSha256(KeySlot.SIGNATURE, DATA);

    Signature verifier = Signature.getInstance(type.isRsa() ? "SHA256withRSA" : "SHA256withECDSA");
    verifier.initVerify(publicKey);
    verifier.update(DATA);
    assertTrue(verifier.verify(signature), "signature of " + type + " verifies");
  }

  @Test
  void theKeyTypesItGeneratesAreKnownBeforeAnyPin() throws Exception {
    Set<KeyType> supported = token.supportedKeyTypes();
    for (KeyType type : KeyType.values()) {
      assertEquals(generates(type), supported.contains(type), type.id());
    }
    assertFalse(token.pinStatus().verified(), "asking spends no PIN");
  }

  // SP 800-73-4 gives the signature key "PIN always": the PIN must come right before each use,
  // which the token does itself, whatever was sent in between.
  @Test
  void theSignatureKeySignsAgainAfterOtherCommandsWithOneVerifiedPin() throws Exception {
    token.verifyPin(PIN.toCharArray());
    PublicKey publicKey = token.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256);
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    for (int i = 0; i < 3; i++) {
      token.pinStatus();
      token.describe();
      byte[] signature = token.signSha256(KeySlot.SIGNATURE, DATA);
      verifier.initVerify(publicKey);
      verifier.update(DATA);
      assertTrue(verifier.verify(signature), "signature " + i + " verifies");
    }
  }

  @Test
  void aChangedPinIsTheOnlyOneAcceptedAfterwards() throws Exception {
    char[] chosen = "472913".toCharArray();
    token.changePin(PIN.toCharArray(), chosen);
    try {
      // Proved by a second change, since PKCS#11 checks no PIN at login while logged in.
      assertThrows(
          WrongPinException.class,
          () -> token.changePin(PIN.toCharArray(), "583920".toCharArray()));
      token.verifyPin(chosen);
      assertTrue(token.pinStatus().verified());
    } finally {
      token.changePin(chosen, PIN.toCharArray());
    }
    token.verifyPin(PIN.toCharArray());
  }

  @Test
  void changingThePinWithAWrongCurrentPinChangesNothing() throws Exception {
    assertThrows(
        WrongPinException.class,
        () -> token.changePin("000000".toCharArray(), "472913".toCharArray()));
    token.verifyPin(PIN.toCharArray());
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

  @Test
  void decipheringUnwrapsAKeyEncryptedToTheKeyManagementKeyWithOaep() throws Exception {
    token.verifyPin(PIN.toCharArray());
    RSAPublicKey publicKey =
        (RSAPublicKey) token.generateKeyPair(KeySlot.KEY_MANAGEMENT, KeyType.RSA2048);
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
    oaep.init(
        Cipher.ENCRYPT_MODE,
        publicKey,
        new OAEPParameterSpec(
            "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
    byte[] wrapped = oaep.doFinal(secret);

    byte[] deciphered = token.decipher(KeySlot.KEY_MANAGEMENT, wrapped);

    assertEquals(256, deciphered.length);
    assertArrayEquals(secret, OaepDecoding.decode(deciphered));
  }

  @Test
  void decipheringKeepsTheLeadingZeroBytesOfTheResult() throws Exception {
    token.verifyPin(PIN.toCharArray());
    RSAPublicKey publicKey =
        (RSAPublicKey) token.generateKeyPair(KeySlot.KEY_MANAGEMENT, KeyType.RSA2048);
    byte[] expected = new byte[256];
    byte[] low = new byte[16];
    new SecureRandom().nextBytes(low);
    low[0] |= 1;
    System.arraycopy(low, 0, expected, 240, 16);
    BigInteger block =
        new BigInteger(1, expected).modPow(publicKey.getPublicExponent(), publicKey.getModulus());

    byte[] deciphered = token.decipher(KeySlot.KEY_MANAGEMENT, unsigned(block, 256));

    assertArrayEquals(expected, deciphered);
    assertThrows(
        IllegalArgumentException.class,
        () -> token.decipher(KeySlot.KEY_MANAGEMENT, unsigned(block, 255)));
  }

  @Test
  void decipheringWithAnEcKeyIsRefusedAsUnsupported() throws Exception {
    token.verifyPin(PIN.toCharArray());
    token.generateKeyPair(KeySlot.KEY_MANAGEMENT, KeyType.P256);
    assertThrows(
        UnsupportedKeyTypeException.class,
        () -> token.decipher(KeySlot.KEY_MANAGEMENT, new byte[256]));
  }

  @Test
  void decipheringBeforeThePinIsRefusedClearly() {
    LoginRequiredException refused =
        assertThrows(
            LoginRequiredException.class,
            () -> token.decipher(KeySlot.KEY_MANAGEMENT, new byte[256]));
    assertTrue(refused.getMessage().contains("PIN"), refused.getMessage());
  }

  @Test
  void decipheringAfterAWrongPinIsRefusedUntilTheRightOne() throws Exception {
    assertThrows(WrongPinException.class, () -> token.verifyPin("000000".toCharArray()));
    assertThrows(
        LoginRequiredException.class, () -> token.decipher(KeySlot.KEY_MANAGEMENT, new byte[256]));
    token.verifyPin(PIN.toCharArray());
  }

  private static byte[] unsigned(BigInteger value, int length) {
    byte[] bytes = value.toByteArray();
    byte[] fixed = new byte[length];
    int copied = Math.min(bytes.length, length);
    System.arraycopy(bytes, bytes.length - copied, fixed, length - copied, copied);
    return fixed;
  }
}
