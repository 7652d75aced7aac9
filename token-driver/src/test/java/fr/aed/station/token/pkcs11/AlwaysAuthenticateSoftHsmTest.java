package fr.aed.station.token.pkcs11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_ALWAYS_AUTHENTICATE;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_DECRYPT;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_ID;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_MODULUS;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_MODULUS_BITS;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_PRIVATE;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_PUBLIC_EXPONENT;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_SENSITIVE;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_SIGN;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_TOKEN;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKM_RSA_PKCS;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKM_RSA_PKCS_KEY_PAIR_GEN;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKR_USER_NOT_LOGGED_IN;

import com.sun.jna.NativeLong;
import com.sun.jna.ptr.NativeLongByReference;
import fr.aed.station.token.KeySlot;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.rutoken.pkcs11jna.CK_ATTRIBUTE;
import ru.rutoken.pkcs11jna.CK_MECHANISM;
import ru.rutoken.pkcs11jna.Pkcs11;

/**
 * Keys with CKA_ALWAYS_AUTHENTICATE on a module that enforces it (SoftHSM2 refuses their use
 * without a context-specific login, where ykcs11 over the simulated card does not): the token signs
 * and deciphers with them. The key is made here through the wrapper, as a card issuer would.
 */
class AlwaysAuthenticateSoftHsmTest {

  private static final byte[] DATA = "dossier 2024-0042".getBytes(StandardCharsets.UTF_8);
  private static final byte[] ID = Pkcs11Token.objectId(KeySlot.KEY_MANAGEMENT);

  private Pkcs11Module module;
  private long slot;
  private Pkcs11Session probe;
  private Pkcs11Token token;
  private NativeLong privateKey;
  private RSAPublicKey publicKey;

  @BeforeEach
  void alwaysAuthenticateKeyInTheKeyManagementSlot() throws Exception {
    String label = SoftHsmTokens.initToken("always-auth");
    module = Pkcs11Module.load(SoftHsmTokens.MODULE);
    slot = module.slotOfLabel(label);
    token = Pkcs11Token.open(SoftHsmTokens.MODULE, Pkcs11Slot.withId(slot));
    token.verifyPin(SoftHsmTokens.USER_PIN.toCharArray());
    probe = new Pkcs11Session(module, slot);
    generate();
  }

  @AfterEach
  void close() {
    token.close();
    probe.close();
  }

  private void generate() throws Exception {
    CK_ATTRIBUTE[] pub = Pkcs11Module.template(3);
    pub[0].setAttr(CKA_TOKEN, true);
    pub[1].setAttr(CKA_ID, ID);
    pub[2].setAttr(CKA_MODULUS_BITS, 2048L);
    CK_ATTRIBUTE[] priv = Pkcs11Module.template(7);
    priv[0].setAttr(CKA_TOKEN, true);
    priv[1].setAttr(CKA_PRIVATE, true);
    priv[2].setAttr(CKA_SENSITIVE, true);
    priv[3].setAttr(CKA_ID, ID);
    priv[4].setAttr(CKA_SIGN, true);
    priv[5].setAttr(CKA_DECRYPT, true);
    priv[6].setAttr(CKA_ALWAYS_AUTHENTICATE, true);
    NativeLongByReference pubHandle = new NativeLongByReference();
    NativeLongByReference privHandle = new NativeLongByReference();
    NativeLong session = openRawSession();
    try {
      Pkcs11Module.check(
          module
              .api()
              .C_GenerateKeyPair(
                  session,
                  new CK_MECHANISM(CKM_RSA_PKCS_KEY_PAIR_GEN, null, 0),
                  pub,
                  new NativeLong(pub.length),
                  priv,
                  new NativeLong(priv.length),
                  pubHandle,
                  privHandle),
          "C_GenerateKeyPair");
    } finally {
      module.api().C_CloseSession(session);
    }
    privateKey = privHandle.getValue();
    BigInteger modulus = new BigInteger(1, probe.bytes(pubHandle.getValue(), CKA_MODULUS));
    BigInteger exponent = new BigInteger(1, probe.bytes(pubHandle.getValue(), CKA_PUBLIC_EXPONENT));
    publicKey =
        (RSAPublicKey)
            KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
  }

  private NativeLong openRawSession() throws Exception {
    Pkcs11 api = module.api();
    NativeLongByReference opened = new NativeLongByReference();
    Pkcs11Module.check(
        api.C_OpenSession(new NativeLong(slot), new NativeLong(6), null, null, opened),
        "C_OpenSession");
    return opened.getValue();
  }

  @Test
  void softHsmRefusesTheKeyWithoutAContextSpecificLogin() throws Exception {
    Pkcs11 api = module.api();
    NativeLong session = openRawSession();
    try {
      Pkcs11Module.check(
          api.C_SignInit(session, new CK_MECHANISM(CKM_RSA_PKCS, null, 0), privateKey),
          "C_SignInit");
      byte[] signature = new byte[256];
      long rv =
          api.C_Sign(
                  session,
                  new byte[32],
                  new NativeLong(32),
                  signature,
                  new NativeLongByReference(new NativeLong(256)))
              .longValue();
      assertEquals(CKR_USER_NOT_LOGGED_IN, rv, Pkcs11Errors.name(rv));
    } finally {
      api.C_CloseSession(session);
    }
  }

  @Test
  void theTokenSignsWithIt() throws Exception {
    byte[] signature = token.signSha256(KeySlot.KEY_MANAGEMENT, DATA);
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(publicKey);
    verifier.update(DATA);
    assertTrue(verifier.verify(signature));
  }

  @Test
  void theTokenDeciphersWithIt() throws Exception {
    byte[] expected = new byte[256];
    byte[] low = new byte[16];
    new SecureRandom().nextBytes(low);
    low[0] |= 1;
    System.arraycopy(low, 0, expected, 240, 16);
    byte[] block =
        new BigInteger(1, expected)
            .modPow(publicKey.getPublicExponent(), publicKey.getModulus())
            .toByteArray();
    byte[] fixed = new byte[256];
    int copied = Math.min(block.length, 256);
    System.arraycopy(block, block.length - copied, fixed, 256 - copied, copied);

    assertArrayEquals(expected, token.decipher(KeySlot.KEY_MANAGEMENT, fixed));
  }
}
