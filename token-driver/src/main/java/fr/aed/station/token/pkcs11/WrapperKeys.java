package fr.aed.station.token.pkcs11;

import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_ALWAYS_AUTHENTICATE;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_DECRYPT;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_EC_PARAMS;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_EC_POINT;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_ID;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_KEY_TYPE;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_MODULUS;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_MODULUS_BITS;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_PRIVATE;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_PUBLIC_EXPONENT;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_SENSITIVE;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_SIGN;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_TOKEN;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_VERIFY;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKK_EC;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKK_RSA;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKM_ECDSA;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKM_EC_KEY_PAIR_GEN;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKM_RSA_PKCS;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKM_RSA_PKCS_KEY_PAIR_GEN;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKM_RSA_X_509;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKO_PRIVATE_KEY;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKR_DEVICE_MEMORY;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKR_MECHANISM_INVALID;

import com.sun.jna.NativeLong;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.TokenFullException;
import fr.aed.station.token.UnsupportedKeyTypeException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import ru.rutoken.pkcs11jna.CK_ATTRIBUTE;

/**
 * Keys generated and used through the wrapper, in the token's own session, where SunPKCS11 cannot
 * serve: keys with CKA_ALWAYS_AUTHENTICATE (a context-specific login before each use) on any
 * module, and every key of ykcs11, whose keys are generated under the security officer's login
 * (SunPKCS11 then takes them for session objects and destroys them when they are garbage-collected,
 * which ykcs11 carries out on the card's certificate).
 */
final class WrapperKeys {

  private static final byte[] F4 = {0x01, 0x00, 0x01};
  // DER OIDs of the curves (CKA_EC_PARAMS): prime256v1 and secp384r1.
  private static final byte[] P256_OID = HexFormat.of().parseHex("06082a8648ce3d030107");
  private static final byte[] P384_OID = HexFormat.of().parseHex("06052b81040022");

  private final Pkcs11Module module;
  private final long slot;
  private final Pkcs11Session session;
  private final Pkcs11Logins logins;

  WrapperKeys(Pkcs11Module module, long slot, Pkcs11Session session, Pkcs11Logins logins) {
    this.module = module;
    this.slot = slot;
    this.session = session;
    this.logins = logins;
  }

  /** The private key with this CKA_ID, if any. */
  Optional<NativeLong> privateKey(byte[] id) throws TokenException {
    List<NativeLong> found = session.find(CKO_PRIVATE_KEY, id);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Whether each use of {@code key} needs the PIN again (CKA_ALWAYS_AUTHENTICATE). */
  boolean alwaysAuthenticate(NativeLong key) {
    return session.flag(key, CKA_ALWAYS_AUTHENTICATE);
  }

  /**
   * Checks, before anything is destroyed, that the token generates keys of {@code type}.
   *
   * @throws UnsupportedKeyTypeException if its mechanism is missing or refuses this size
   */
  void requireGenerates(KeyType type) throws TokenException {
    long mechanism = type.isRsa() ? CKM_RSA_PKCS_KEY_PAIR_GEN : CKM_EC_KEY_PAIR_GEN;
    long[] sizes;
    try {
      sizes = module.keySizes(slot, mechanism);
    } catch (Pkcs11CallException e) {
      if (e.returnValue() == CKR_MECHANISM_INVALID) {
        throw unsupported(type, e);
      }
      throw e;
    }
    if (type.bits() < sizes[0] || type.bits() > sizes[1]) {
      throw new UnsupportedKeyTypeException(type);
    }
  }

  /**
   * Generates a persistent, private, sensitive key pair with this CKA_ID.
   *
   * @return the new public key, read back from the token
   * @throws TokenFullException if the token has no room for it
   */
  PublicKey generate(KeyType type, byte[] id) throws TokenException {
    requireGenerates(type);
    CK_ATTRIBUTE[] publicTemplate = Pkcs11Module.template(type.isRsa() ? 5 : 4);
    publicTemplate[0].setAttr(CKA_TOKEN, true);
    publicTemplate[1].setAttr(CKA_ID, id);
    publicTemplate[2].setAttr(CKA_VERIFY, true);
    if (type.isRsa()) {
      publicTemplate[3].setAttr(CKA_MODULUS_BITS, (long) type.bits());
      publicTemplate[4].setAttr(CKA_PUBLIC_EXPONENT, F4);
    } else {
      publicTemplate[3].setAttr(CKA_EC_PARAMS, type == KeyType.P256 ? P256_OID : P384_OID);
    }
    CK_ATTRIBUTE[] privateTemplate = Pkcs11Module.template(type.isRsa() ? 6 : 5);
    privateTemplate[0].setAttr(CKA_TOKEN, true);
    privateTemplate[1].setAttr(CKA_PRIVATE, true);
    privateTemplate[2].setAttr(CKA_SENSITIVE, true);
    privateTemplate[3].setAttr(CKA_ID, id);
    privateTemplate[4].setAttr(CKA_SIGN, true);
    if (type.isRsa()) {
      privateTemplate[5].setAttr(CKA_DECRYPT, true);
    }
    NativeLong[] pair;
    try {
      pair =
          session.generateKeyPair(
              type.isRsa() ? CKM_RSA_PKCS_KEY_PAIR_GEN : CKM_EC_KEY_PAIR_GEN,
              publicTemplate,
              privateTemplate);
    } catch (Pkcs11CallException e) {
      if (e.returnValue() == CKR_DEVICE_MEMORY) {
        throw new TokenFullException("the token is full: key generation failed", e);
      }
      throw e;
    }
    return type.isRsa() ? rsaPublicKey(pair[0]) : ecPublicKey(pair[0], type);
  }

  private PublicKey rsaPublicKey(NativeLong handle) throws TokenException {
    BigInteger modulus = new BigInteger(1, session.bytes(handle, CKA_MODULUS));
    BigInteger exponent = new BigInteger(1, session.bytes(handle, CKA_PUBLIC_EXPONENT));
    try {
      return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
    } catch (GeneralSecurityException e) {
      throw new TokenException("the token returned an unreadable RSA public key", e);
    }
  }

  // CKA_EC_POINT is the DER OCTET STRING of the uncompressed point (PKCS#11 v2.40); a few modules
  // give the bare point, which is taken too.
  private PublicKey ecPublicKey(NativeLong handle, KeyType type) throws TokenException {
    byte[] value = session.bytes(handle, CKA_EC_POINT);
    int size = (type.bits() + 7) / 8;
    byte[] point =
        value.length == 2 * size + 1 ? value : Arrays.copyOfRange(value, 2, value.length);
    if (point.length != 2 * size + 1 || point[0] != 0x04) {
      throw new TokenException("the token returned an unreadable EC point");
    }
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec(type == KeyType.P256 ? "secp256r1" : "secp384r1"));
      ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
      ECPoint w =
          new ECPoint(
              new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + size)),
              new BigInteger(1, Arrays.copyOfRange(point, 1 + size, point.length)));
      return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, curve));
    } catch (GeneralSecurityException e) {
      throw new TokenException("the token returned an unreadable EC public key", e);
    }
  }

  /**
   * SHA256withRSA (CKM_RSA_PKCS over the DigestInfo) or SHA256withECDSA (CKM_ECDSA, made DER),
   * after a context-specific login when the key asks for one.
   */
  byte[] signSha256(NativeLong key, byte[] data) throws TokenException {
    byte[] hash = sha256(data);
    long keyType = session.number(key, CKA_KEY_TYPE);
    byte[] pin = alwaysAuthenticate(key) ? logins.holderPin() : null;
    try {
      if (keyType == CKK_RSA) {
        byte[] signature =
            session.sign(key, CKM_RSA_PKCS, RawSignatures.sha256DigestInfo(hash), pin);
        // PKCS#1 signatures are as long as the modulus (RFC 8017, 8.2.1); ykcs11 drops their
        // leading zero bytes (one signature in 256), which verifiers then refuse.
        return RawSignatures.toModulusLength(signature, modulusBytes(key));
      }
      if (keyType == CKK_EC) {
        return RawSignatures.derEcdsa(session.sign(key, CKM_ECDSA, hash, pin));
      }
    } finally {
      wipe(pin);
    }
    throw new UnsupportedKeyTypeException("the key is neither RSA nor EC");
  }

  /**
   * Checks that {@code key} can decipher {@code block} raw, whichever way it is then used.
   *
   * @throws UnsupportedKeyTypeException if the key is not an RSA key
   * @throws IllegalArgumentException if the block is not as long as the modulus
   */
  void requireRawRsaBlock(NativeLong key, byte[] block) throws TokenException {
    if (session.number(key, CKA_KEY_TYPE) != CKK_RSA) {
      throw new UnsupportedKeyTypeException("the key is not an RSA key: only RSA keys decipher");
    }
    int modulusBytes = modulusBytes(key);
    if (block.length != modulusBytes) {
      throw new IllegalArgumentException(
          "the block is " + block.length + " bytes, the modulus " + modulusBytes);
    }
  }

  /**
   * Raw RSA (CKM_RSA_X_509), the result left-padded to the block's length; {@link
   * #requireRawRsaBlock} first.
   */
  byte[] decipher(NativeLong key, byte[] block) throws TokenException {
    byte[] pin = alwaysAuthenticate(key) ? logins.holderPin() : null;
    byte[] result;
    try {
      result = session.decrypt(key, CKM_RSA_X_509, block, pin);
    } finally {
      wipe(pin);
    }
    return RawSignatures.toModulusLength(result, block.length);
  }

  private int modulusBytes(NativeLong key) throws TokenException {
    return (new BigInteger(1, session.bytes(key, CKA_MODULUS)).bitLength() + 7) / 8;
  }

  private static UnsupportedKeyTypeException unsupported(KeyType type, Exception cause) {
    UnsupportedKeyTypeException unsupported = new UnsupportedKeyTypeException(type);
    unsupported.initCause(cause);
    return unsupported;
  }

  private static void wipe(byte[] pin) {
    if (pin != null) {
      Arrays.fill(pin, (byte) 0);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
