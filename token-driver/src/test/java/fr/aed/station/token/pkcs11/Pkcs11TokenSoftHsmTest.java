package fr.aed.station.token.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.token.CardRemovedException;
import fr.aed.station.token.KeyEvidence;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.LoginRequiredException;
import fr.aed.station.token.ModuleNotFoundException;
import fr.aed.station.token.PinStatus;
import fr.aed.station.token.TestCertificates;
import fr.aed.station.token.TokenContract;
import fr.aed.station.token.TokenDescription;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.WrongPinException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token contract, and what PKCS#11 adds, on a fresh SoftHSM2 token for each test. */
class Pkcs11TokenSoftHsmTest extends TokenContract<Pkcs11Token> {

  private String label;

  @Override
  protected Pkcs11Token open() throws Exception {
    label = SoftHsmTokens.initToken("contract");
    return Pkcs11Token.open(SoftHsmTokens.MODULE, Pkcs11Slot.withTokenLabel(label));
  }

  @Test
  void everyKeyTypeIsSensitiveNeverExtractableAndLocal() throws Exception {
    token.verifyPin(PIN.toCharArray());
    for (KeyType type : KeyType.values()) {
      token.generateKeyPair(KeySlot.SIGNATURE, type);
      KeyEvidence evidence = token.keyEvidence(KeySlot.SIGNATURE);
      assertTrue(evidence.sensitive(), type + " " + evidence);
      assertTrue(evidence.neverExtractable(), type + " " + evidence);
      assertTrue(evidence.local(), type + " " + evidence);
      assertTrue(evidence.alwaysSensitive(), type + " " + evidence);
    }
  }

  @Test
  void theKeyAndItsCertificatePersistIntoANewSession() throws Exception {
    token.verifyPin(PIN.toCharArray());
    PublicKey publicKey = token.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256);
    X509Certificate certificate = TestCertificates.selfSigned();
    token.writeCertificate(KeySlot.SIGNATURE, certificate);
    token.close();

    token = Pkcs11Token.open(SoftHsmTokens.MODULE, Pkcs11Slot.withTokenLabel(label));
    assertFalse(token.pinStatus().verified(), "a new session starts without the PIN");
    assertThrows(LoginRequiredException.class, () -> token.keyEvidence(KeySlot.SIGNATURE));
    assertThrows(LoginRequiredException.class, () -> token.signSha256(KeySlot.SIGNATURE, DATA));
    token.verifyPin(PIN.toCharArray());
    assertTrue(token.keyEvidence(KeySlot.SIGNATURE).provesOnTokenGeneration());
    assertEquals(Optional.of(certificate), token.readCertificate(KeySlot.SIGNATURE));

    byte[] signature = token.signSha256(KeySlot.SIGNATURE, DATA);
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(publicKey);
    verifier.update(DATA);
    assertTrue(verifier.verify(signature), "the key found again signs");
  }

  @Test
  void aNewPairReplacesTheSlotsKeyAndCertificate() throws Exception {
    token.verifyPin(PIN.toCharArray());
    token.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256);
    token.writeCertificate(KeySlot.SIGNATURE, TestCertificates.selfSigned());
    token.generateKeyPair(KeySlot.SIGNATURE, KeyType.P384);
    assertEquals(Optional.empty(), token.readCertificate(KeySlot.SIGNATURE));
    assertTrue(token.keyEvidence(KeySlot.SIGNATURE).local());
  }

  @Test
  void slotsAreChosenByIndexIdOrLabel() throws Exception {
    TokenDescription byLabel = token.describe();
    assertEquals("PKCS#11", byLabel.backend());
    assertTrue(byLabel.model().contains("SoftHSM"), byLabel.model());
    assertTrue(byLabel.reader().contains(label), byLabel.reader());
    Pkcs11Module module = Pkcs11Module.load(SoftHsmTokens.MODULE);
    long slotId = module.slotOfLabel(label);
    int index = module.slotsWithToken().indexOf(slotId);
    try (Pkcs11Token byId = Pkcs11Token.open(SoftHsmTokens.MODULE, Pkcs11Slot.withId(slotId));
        Pkcs11Token byIndex = Pkcs11Token.open(SoftHsmTokens.MODULE, Pkcs11Slot.atIndex(index))) {
      assertEquals(byLabel.serial(), byId.describe().serial());
      assertEquals(byLabel.serial(), byIndex.describe().serial());
    }
    assertThrows(
        TokenException.class,
        () -> Pkcs11Token.open(SoftHsmTokens.MODULE, Pkcs11Slot.withTokenLabel("no-such-token")));
  }

  // SoftHSM2 counts no tries and never locks the user PIN: it only raises CKF_USER_PIN_COUNT_LOW,
  // which tells no number. The tries left are then "not told" (-1), never a guess.
  @Test
  void softHsmRefusesWrongPinsWithoutCountingThemDown() throws Exception {
    for (int i = 0; i < 5; i++) {
      WrongPinException wrong =
          assertThrows(WrongPinException.class, () -> token.verifyPin("000000".toCharArray()));
      assertEquals(-1, wrong.triesLeft());
      assertEquals("wrong PIN", wrong.getMessage());
    }
    assertEquals(new PinStatus(false, -1), token.pinStatus());
    token.verifyPin(PIN.toCharArray());
    assertEquals(new PinStatus(true, -1), token.pinStatus());
  }

  // SoftHSM2 tokens cannot be pulled; a token pulled from its reader leaves the same trace, an
  // invalid session handle (CKR_SESSION_HANDLE_INVALID, or CKR_DEVICE_REMOVED).
  @Test
  void aSessionGoneIsReportedAsARemovedToken() throws Exception {
    token.close();
    assertThrows(CardRemovedException.class, token::pinStatus);
    token = Pkcs11Token.open(SoftHsmTokens.MODULE, Pkcs11Slot.withTokenLabel(label));
  }

  @Test
  void signingAKeyUnknownToTheSessionFailsClearly() throws Exception {
    token.verifyPin(PIN.toCharArray());
    TokenException refused =
        assertThrows(TokenException.class, () -> token.signSha256(KeySlot.KEY_MANAGEMENT, DATA));
    assertTrue(refused.getMessage().contains("unknown"), refused.getMessage());
  }

  @Test
  void aFileThatIsNoPkcs11ModuleIsReportedAsSuch(@TempDir Path directory) throws Exception {
    Path text = Files.writeString(directory.resolve("libnot-a-module.so"), "not a library");
    assertThrows(
        ModuleNotFoundException.class, () -> Pkcs11Token.open(text, Pkcs11Slot.atIndex(0)));
    assertThrows(
        ModuleNotFoundException.class,
        () -> Pkcs11Token.open(directory.resolve("missing.so"), Pkcs11Slot.atIndex(0)));
    Path zlib = Path.of("/usr/lib/x86_64-linux-gnu/libz.so.1");
    if (Files.exists(zlib)) {
      assertThrows(
          ModuleNotFoundException.class, () -> Pkcs11Token.open(zlib, Pkcs11Slot.atIndex(0)));
    }
  }
}
