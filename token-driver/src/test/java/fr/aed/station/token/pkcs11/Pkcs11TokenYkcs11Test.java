package fr.aed.station.token.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_ALWAYS_AUTHENTICATE;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKO_PRIVATE_KEY;

import com.sun.jna.NativeLong;
import fr.aed.station.token.KeyEvidence;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.LoginRequiredException;
import fr.aed.station.token.TokenContract;
import fr.aed.station.token.TokenException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The token contract through Yubico's PKCS#11 module ykcs11 (Debian's 2.2.0) on the simulated PIV
 * card behind pcscd + vpcd: our SunPKCS11 + wrapper token over their module over our card
 * (scripts/pcsc-tests runs it as {@code token-driver-ykcs11}). Selected only by the Maven profile
 * {@code pcscd}; it fails, never skips, when ykcs11 is missing or lists no card (it lists only
 * readers whose name starts with "Yubico").
 *
 * <p>What ykcs11 does differently from SoftHSM2, asserted here as it reports it: it generates keys
 * and writes certificates only as the security officer (the management key in hex), generates no
 * RSA key above 2048 bits, marks the signature key (9C) CKA_ALWAYS_AUTHENTICATE, and answers
 * CKA_SENSITIVE, CKA_ALWAYS_SENSITIVE and CKA_NEVER_EXTRACTABLE true for every PIV key as constants
 * (SoftHSM2 records them per key). The simulated card does not itself ask for the PIN before each
 * 9C signature, as a YubiKey does: the context-specific login is proved on SoftHSM2, which enforces
 * it (AlwaysAuthenticateSoftHsmTest).
 */
@Tag("pcscd")
class Pkcs11TokenYkcs11Test extends TokenContract<Pkcs11Token> {

  static final Path MODULE =
      Path.of(System.getProperty("ykcs11.module", "/usr/lib/x86_64-linux-gnu/libykcs11.so"));
  private static final int GENERATIONS = 3;

  @Override
  protected Pkcs11Token open() throws Exception {
    assertTrue(Files.isRegularFile(MODULE), "ykcs11 is not installed at " + MODULE);
    return Pkcs11Token.open(MODULE, Pkcs11Slot.atIndex(0), managementKey());
  }

  private static SecurityOfficerPin managementKey() {
    char[] hex = "010203040506070801020304050607080102030405060708".toCharArray();
    try {
      return SecurityOfficerPin.of(hex);
    } finally {
      Arrays.fill(hex, '\0');
    }
  }

  // ykcs11 2.2.0 offers CKM_RSA_PKCS_KEY_PAIR_GEN for 1024 to 2048 bits only (token.c).
  @Override
  protected boolean generates(KeyType type) {
    return type != KeyType.RSA3072;
  }

  @Test
  void describesTheCardAsYkcs11SeesIt() throws Exception {
    assertEquals("PKCS#11", token.describe().backend());
    assertTrue(token.describe().model().contains("Yubico"), token.describe().model());
  }

  @Test
  void onlyTheSignatureKeyAsksForThePinAtEveryUse() throws Exception {
    token.verifyPin(PIN.toCharArray());
    token.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256);
    token.generateKeyPair(KeySlot.KEY_MANAGEMENT, KeyType.P256);
    Pkcs11Module module = Pkcs11Module.load(MODULE);
    long slot = Pkcs11Slot.atIndex(0).resolve(module);
    // A second session sees the private keys while the holder is logged in (PKCS#11 login is per
    // slot); closing it logs the holder out again.
    try (Pkcs11Session probe = new Pkcs11Session(module, slot)) {
      assertTrue(alwaysAuthenticate(probe, KeySlot.SIGNATURE), "9C: CKA_ALWAYS_AUTHENTICATE");
      assertFalse(alwaysAuthenticate(probe, KeySlot.KEY_MANAGEMENT), "9D: no context login");
    }
  }

  private static boolean alwaysAuthenticate(Pkcs11Session probe, KeySlot slot)
      throws TokenException {
    List<NativeLong> keys = probe.find(CKO_PRIVATE_KEY, Pkcs11Token.objectId(slot));
    assertEquals(1, keys.size(), slot + " has one private key");
    return probe.flag(keys.get(0), CKA_ALWAYS_AUTHENTICATE);
  }

  @Test
  void theEvidenceIsWhatYkcs11ReportsForAKeyItGenerated() throws Exception {
    token.verifyPin(PIN.toCharArray());
    token.generateKeyPair(KeySlot.AUTHENTICATION, KeyType.RSA2048);
    KeyEvidence evidence = token.keyEvidence(KeySlot.AUTHENTICATION);
    // ykcs11 answers CKA_SENSITIVE, CKA_ALWAYS_SENSITIVE, CKA_NEVER_EXTRACTABLE true for every PIV
    // key, whatever its origin; CKA_LOCAL true only for a key it generated or one the card attests.
    assertEquals(new KeyEvidence(true, true, true, true, true, evidence.description()), evidence);
    assertTrue(evidence.description().contains("CKA_LOCAL=true"), evidence.description());
  }

  @Test
  void aKeyIsFoundAgainByItsIdInANewSession() throws Exception {
    token.verifyPin(PIN.toCharArray());
    PublicKey publicKey = token.generateKeyPair(KeySlot.AUTHENTICATION, KeyType.P256);
    token.close();

    token = open();
    assertThrows(
        LoginRequiredException.class, () -> token.signSha256(KeySlot.AUTHENTICATION, DATA));
    token.verifyPin(PIN.toCharArray());
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(publicKey);
    verifier.update(DATA);
    assertTrue(verifier.verify(token.signSha256(KeySlot.AUTHENTICATION, DATA)));
  }

  @Test
  void withoutTheSecurityOfficerKeysAreNotGenerated() throws Exception {
    token.close();
    token = Pkcs11Token.open(MODULE, Pkcs11Slot.atIndex(0));
    token.verifyPin(PIN.toCharArray());
    TokenException refused =
        assertThrows(
            TokenException.class, () -> token.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256));
    assertTrue(refused.getMessage().contains("security officer"), refused.getMessage());
  }

  @Test
  void aWrongManagementKeyIsRefusedAndTheHolderStaysLoggedIn() throws Exception {
    token.close();
    char[] wrong = "0102030405060708010203040506070801020304050607AA".toCharArray();
    token = Pkcs11Token.open(MODULE, Pkcs11Slot.atIndex(0), SecurityOfficerPin.of(wrong));
    token.verifyPin(PIN.toCharArray());
    TokenException refused =
        assertThrows(
            TokenException.class, () -> token.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256));
    assertTrue(refused.getMessage().contains("security officer"), refused.getMessage());
    assertTrue(token.pinStatus().verified(), "the holder is logged back in");
  }

  // Not a speed assertion: the times go to target/ykcs11-keygen.txt for scripts/pcsc-tests.
  @Test
  void keyGenerationTimes() throws Exception {
    token.verifyPin(PIN.toCharArray());
    List<String> lines = new ArrayList<>();
    for (KeyType type : KeyType.values()) {
      if (!generates(type)) {
        continue;
      }
      long[] millis = new long[GENERATIONS];
      for (int i = 0; i < GENERATIONS; i++) {
        long start = System.nanoTime();
        token.generateKeyPair(KeySlot.KEY_MANAGEMENT, type);
        millis[i] = (System.nanoTime() - start) / 1_000_000;
      }
      long[] sorted = millis.clone();
      Arrays.sort(sorted);
      lines.add(
          String.format(
              "ykcs11 key generation %-8s median %5d ms, runs %s ms",
              type, sorted[GENERATIONS / 2], Arrays.toString(millis)));
    }
    String report = String.join(System.lineSeparator(), lines) + System.lineSeparator();
    System.out.print(report);
    Files.writeString(Path.of("target", "ykcs11-keygen.txt"), report, StandardCharsets.UTF_8);
    assertEquals(KeyType.values().length - 1, lines.size());
  }
}
