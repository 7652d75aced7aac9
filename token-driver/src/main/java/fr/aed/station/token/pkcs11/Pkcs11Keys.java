package fr.aed.station.token.pkcs11;

import fr.aed.station.token.KeyType;
import fr.aed.station.token.LoginRequiredException;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.TokenFullException;
import fr.aed.station.token.UnsupportedKeyTypeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidParameterException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;

/**
 * The SunPKCS11 side of a token: instances of the provider configured at run time for one slot,
 * generating and using keys.
 *
 * <p>SunPKCS11 applies one attribute template per provider instance, so generation uses an instance
 * whose template carries the new key's CKA_ID and label. Without such a template the keys would be
 * session objects, and not sensitive. Instances are kept for the process, one per module, slot and
 * template, as each holds its own pool of sessions.
 */
final class Pkcs11Keys {

  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private static final Map<String, Provider> CONFIGURED = new ConcurrentHashMap<>();

  private final Path module;
  private final long slot;

  Pkcs11Keys(Path module, long slot) {
    this.module = module;
    this.slot = slot;
  }

  /** A private key on the token and the provider instance that can use it. */
  record Handle(PrivateKey privateKey, Provider provider) {}

  /** A new key pair: its public key as a plain JCA key, and its private key's handle. */
  record Generated(PublicKey publicKey, Handle handle) {}

  /**
   * Generates a persistent, private, sensitive, non-extractable key pair with this CKA_ID and
   * label.
   *
   * @throws UnsupportedKeyTypeException if the module offers no generator for this type or size
   */
  Generated generate(KeyType type, byte[] id, String label) throws TokenException {
    Provider provider = configure(generationTemplate(id, label));
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(type.family(), provider);
      generator.initialize(parameters(type));
      KeyPair pair = generator.generateKeyPair();
      PublicKey publicKey =
          KeyFactory.getInstance(type.family())
              .generatePublic(new X509EncodedKeySpec(pair.getPublic().getEncoded()));
      return new Generated(publicKey, new Handle(pair.getPrivate(), provider));
    } catch (InvalidParameterException | GeneralSecurityException e) {
      if (e instanceof java.security.spec.InvalidKeySpecException) {
        throw new TokenException("the token returned an unreadable public key", e);
      }
      UnsupportedKeyTypeException unsupported = new UnsupportedKeyTypeException(type);
      unsupported.initCause(e);
      throw unsupported;
    } catch (ProviderException e) {
      throw translate("key generation", e);
    }
  }

  private static AlgorithmParameterSpec parameters(KeyType type) {
    return switch (type) {
      case RSA2048, RSA3072 -> new RSAKeyGenParameterSpec(type.bits(), RSAKeyGenParameterSpec.F4);
      case P256 -> new ECGenParameterSpec("secp256r1");
      case P384 -> new ECGenParameterSpec("secp384r1");
    };
  }

  private static String generationTemplate(byte[] id, String label) {
    String hexId = "0h" + HexFormat.of().formatHex(id);
    String hexLabel = "0h" + HexFormat.of().formatHex(label.getBytes(StandardCharsets.UTF_8));
    return "attributes(generate, CKO_PRIVATE_KEY, *) = {\n"
        + "  CKA_TOKEN = true\n"
        + "  CKA_PRIVATE = true\n"
        + "  CKA_SENSITIVE = true\n"
        + "  CKA_EXTRACTABLE = false\n"
        + "  CKA_ID = "
        + hexId
        + "\n"
        + "  CKA_LABEL = "
        + hexLabel
        + "\n"
        + "}\n"
        + "attributes(generate, CKO_PUBLIC_KEY, *) = {\n"
        + "  CKA_TOKEN = true\n"
        + "  CKA_ID = "
        + hexId
        + "\n"
        + "  CKA_LABEL = "
        + hexLabel
        + "\n"
        + "}\n";
  }

  /**
   * The private key that the token's certificate labelled {@code label} designates.
   *
   * @throws TokenException if there is none: SunPKCS11 finds keys only through their certificate
   */
  Handle storedKey(String label) throws TokenException {
    Provider provider = plain();
    try {
      KeyStore store = KeyStore.getInstance("PKCS11", provider);
      store.load(null, null);
      Key key = store.getKey(label, null);
      if (key instanceof PrivateKey privateKey) {
        return new Handle(privateKey, provider);
      }
    } catch (GeneralSecurityException | IOException e) {
      throw new TokenException("the token's keys cannot be listed", e);
    } catch (ProviderException e) {
      throw translate("listing the keys", e);
    }
    throw new TokenException(
        "the key '" + label + "' is unknown: no key generated in this session and no certificate");
  }

  /** Signs with SHA-256 through the provider instance holding the key. */
  byte[] sign(Handle key, byte[] data) throws TokenException {
    String algorithm =
        "RSA".equals(key.privateKey().getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
    try {
      Signature signature = Signature.getInstance(algorithm, key.provider());
      signature.initSign(key.privateKey());
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw translate("signing", e);
    } catch (ProviderException e) {
      throw translate("signing", e);
    }
  }

  /**
   * Applies the RSA private key raw (CKM_RSA_X_509, SunPKCS11's {@code RSA/ECB/NoPadding}) to
   * {@code block}, the result left-padded with zeros to the block's length, the modulus length
   * (which the caller has checked).
   *
   * @throws UnsupportedKeyTypeException if the key is not an RSA key
   */
  byte[] decipher(Handle key, byte[] block) throws TokenException {
    if (!"RSA".equals(key.privateKey().getAlgorithm())) {
      throw new UnsupportedKeyTypeException(
          "the key is a " + key.privateKey().getAlgorithm() + " key: only RSA keys decipher");
    }
    byte[] result;
    try {
      Cipher cipher = Cipher.getInstance("RSA/ECB/NoPadding", key.provider());
      cipher.init(Cipher.DECRYPT_MODE, key.privateKey());
      result = cipher.doFinal(block);
    } catch (GeneralSecurityException | ProviderException e) {
      throw translate("deciphering", e);
    }
    // SunPKCS11 and some modules drop the leading zero bytes of a raw result.
    if (result.length > block.length) {
      throw new TokenException(
          "the token answered " + result.length + " bytes for a " + block.length + "-byte block");
    }
    byte[] padded = new byte[block.length];
    System.arraycopy(result, 0, padded, block.length - result.length, result.length);
    return padded;
  }

  private Provider plain() throws TokenException {
    return configure("");
  }

  private Provider configure(String template) throws TokenException {
    String config = "library = \"" + module + "\"\nslot = " + slot + "\n" + template;
    Provider known = CONFIGURED.get(config);
    if (known != null) {
      return known;
    }
    synchronized (CONFIGURED) {
      known = CONFIGURED.get(config);
      if (known != null) {
        return known;
      }
      try {
        Provider provider =
            Security.getProvider("SunPKCS11")
                .configure("--name = station-" + INSTANCES.incrementAndGet() + "\n" + config);
        CONFIGURED.put(config, provider);
        return provider;
      } catch (ProviderException | InvalidParameterException e) {
        throw new TokenException(
            "SunPKCS11 refused the module " + module + ": " + e.getMessage(), e);
      }
    }
  }

  // SunPKCS11 reports the module's CKR_ name only in the message of its internal exception.
  static TokenException translate(String what, Exception failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      if (message.contains("CKR_DEVICE_MEMORY")) {
        return new TokenFullException("the token is full: " + what + " failed", failure);
      }
      if (message.contains("CKR_USER_TYPE_INVALID")) {
        return Pkcs11Logins.needsOfficer(what, failure);
      }
      if (message.contains("CKR_USER_NOT_LOGGED_IN")) {
        return new LoginRequiredException(what + " needs the holder's PIN", failure);
      }
    }
    return new TokenException(what + " failed: " + failure.getMessage(), failure);
  }
}
