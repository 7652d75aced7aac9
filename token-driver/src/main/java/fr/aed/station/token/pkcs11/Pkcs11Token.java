package fr.aed.station.token.pkcs11;

import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_ALWAYS_SENSITIVE;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_LOCAL;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_NEVER_EXTRACTABLE;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_SENSITIVE;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_VALUE;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKF_USER_PIN_FINAL_TRY;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKF_USER_PIN_LOCKED;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKO_CERTIFICATE;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKO_PRIVATE_KEY;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKO_PUBLIC_KEY;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKR_OK;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKR_PIN_INCORRECT;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKR_PIN_LOCKED;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKR_USER_ALREADY_LOGGED_IN;

import com.sun.jna.NativeLong;
import fr.aed.station.token.KeyEvidence;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.LoginRequiredException;
import fr.aed.station.token.ModuleNotFoundException;
import fr.aed.station.token.PinBlockedException;
import fr.aed.station.token.PinStatus;
import fr.aed.station.token.Token;
import fr.aed.station.token.TokenDescription;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.WrongPinException;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ru.rutoken.pkcs11jna.CK_TOKEN_INFO;

/**
 * A token reached through a PKCS#11 module: keys are generated and used through the JDK's SunPKCS11
 * provider, configured at run time; the wrapper {@code ru.rutoken:pkcs11jna} does what SunPKCS11
 * cannot (slot lookup by label, login with the module's own return values, attribute reads,
 * certificate objects).
 *
 * <p>Roles map to CKA_ID values as ykcs11 maps PIV slots: AUTHENTICATION 01, SIGNATURE 02,
 * KEY_MANAGEMENT 03, CARD_AUTHENTICATION 04. Private keys are generated as persistent, private,
 * sensitive and non-extractable token objects.
 */
public final class Pkcs11Token implements Token {

  private final Pkcs11Module module;
  private final long slot;
  private final Pkcs11Session session;
  private final Pkcs11Keys keys;
  private final Map<KeySlot, Pkcs11Keys.Handle> generated = new EnumMap<>(KeySlot.class);

  private Pkcs11Token(Pkcs11Module module, long slot, Pkcs11Session session) {
    this.module = module;
    this.slot = slot;
    this.session = session;
    this.keys = new Pkcs11Keys(module.path(), slot);
  }

  /**
   * Opens the token in {@code slot} of the PKCS#11 module at {@code modulePath}.
   *
   * @throws ModuleNotFoundException if the module is missing, not a PKCS#11 library or built for
   *     another architecture
   * @throws TokenException if no token matches {@code slot} or the module fails
   */
  public static Pkcs11Token open(Path modulePath, Pkcs11Slot slot) throws TokenException {
    Pkcs11Module module = Pkcs11Module.load(modulePath);
    long slotId = slot.resolve(module);
    return new Pkcs11Token(module, slotId, new Pkcs11Session(module, slotId));
  }

  /** The CKA_ID of the key and certificate of {@code slot}. */
  public static byte[] objectId(KeySlot slot) {
    return new byte[] {(byte) (slot.ordinal() + 1)};
  }

  /**
   * The CKA_LABEL of the key and certificate of {@code slot}, such as {@code station-signature}.
   */
  public static String objectLabel(KeySlot slot) {
    return "station-" + slot.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * {@inheritDoc}
   *
   * <p>The model is the module's manufacturer and model, the serial the token's serial number, the
   * reader the module path, slot id and token label.
   */
  @Override
  public TokenDescription describe() throws TokenException {
    CK_TOKEN_INFO info = module.tokenInfo(slot);
    String model =
        Pkcs11Module.text(info.manufacturerID) + " " + Pkcs11Module.text(info.model).trim();
    return new TokenDescription(
        "PKCS#11",
        model.trim(),
        Pkcs11Module.text(info.serialNumber),
        module.path() + " slot " + slot + " (" + Pkcs11Module.text(info.label) + ")");
  }

  /**
   * {@inheritDoc}
   *
   * <p>PKCS#11 tells the tries left only through flags: 0 when locked, 1 on the final try, -1 (not
   * told) otherwise.
   */
  @Override
  public PinStatus pinStatus() throws TokenException {
    return new PinStatus(session.userLoggedIn(), triesLeft());
  }

  private int triesLeft() throws TokenException {
    long flags = module.tokenInfo(slot).flags.longValue();
    if ((flags & CKF_USER_PIN_LOCKED) != 0) {
      return 0;
    }
    return (flags & CKF_USER_PIN_FINAL_TRY) != 0 ? 1 : -1;
  }

  /**
   * {@inheritDoc}
   *
   * @throws WrongPinException if the module answers CKR_PIN_INCORRECT; tries left -1 when the
   *     module does not tell them
   * @throws PinBlockedException if the module answers CKR_PIN_LOCKED, or locks the PIN on this try
   */
  @Override
  public void verifyPin(char[] pin) throws TokenException {
    byte[] exact = Pkcs11Provisioning.utf8(pin);
    long rv;
    try {
      rv = session.loginUser(exact);
    } finally {
      Arrays.fill(exact, (byte) 0);
    }
    if (rv == CKR_OK || rv == CKR_USER_ALREADY_LOGGED_IN) {
      return;
    }
    if (rv == CKR_PIN_LOCKED) {
      throw new PinBlockedException();
    }
    if (rv == CKR_PIN_INCORRECT) {
      int tries = triesLeft();
      if (tries == 0) {
        throw new PinBlockedException();
      }
      throw new WrongPinException(tries);
    }
    throw new Pkcs11CallException("C_Login", rv);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Destroys the slot's previous key pair and certificate first.
   *
   * @throws LoginRequiredException if the PIN was not verified in this session
   * @throws fr.aed.station.token.TokenFullException if the token has no room for the new key
   */
  @Override
  public PublicKey generateKeyPair(KeySlot keySlot, KeyType type) throws TokenException {
    requireLogin("generating a key");
    byte[] id = objectId(keySlot);
    session.destroy(id, CKO_PRIVATE_KEY, CKO_PUBLIC_KEY, CKO_CERTIFICATE);
    generated.remove(keySlot);
    Pkcs11Keys.Generated pair = keys.generate(type, id, objectLabel(keySlot));
    generated.put(keySlot, pair.handle());
    return pair.publicKey();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Signs through SunPKCS11 with the key generated in this session or, in a later session, the
   * key that the token's certificate for this slot designates (SunPKCS11 lists keys only with their
   * certificate).
   *
   * @throws LoginRequiredException if the PIN was not verified in this session
   */
  @Override
  public byte[] signSha256(KeySlot keySlot, byte[] data) throws TokenException {
    requireLogin("signing");
    return keys.sign(privateKey(keySlot), data);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Through SunPKCS11's {@code RSA/ECB/NoPadding} (CKM_RSA_X_509) with the key generated in this
   * session or, in a later session, the key that the token's certificate for this slot designates.
   *
   * @throws LoginRequiredException if the PIN was not verified in this session
   * @throws fr.aed.station.token.UnsupportedKeyTypeException if the slot holds an EC key
   */
  @Override
  public byte[] decipher(KeySlot keySlot, byte[] block) throws TokenException {
    requireLogin("deciphering");
    return keys.decipher(privateKey(keySlot), block);
  }

  private Pkcs11Keys.Handle privateKey(KeySlot keySlot) throws TokenException {
    Pkcs11Keys.Handle key = generated.get(keySlot);
    return key != null ? key : keys.storedKey(objectLabel(keySlot));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads CKA_LOCAL, CKA_NEVER_EXTRACTABLE, CKA_SENSITIVE and CKA_ALWAYS_SENSITIVE of the slot's
   * private key.
   *
   * @throws LoginRequiredException if the PIN was not verified (private keys are hidden before)
   * @throws TokenException if the slot holds no private key
   */
  @Override
  public KeyEvidence keyEvidence(KeySlot keySlot) throws TokenException {
    requireLogin("reading the key's attributes");
    List<NativeLong> found = session.find(CKO_PRIVATE_KEY, objectId(keySlot));
    if (found.isEmpty()) {
      throw new TokenException("no private key for " + keySlot + " on the token");
    }
    boolean[] flags =
        session.booleans(
            found.get(0), CKA_LOCAL, CKA_NEVER_EXTRACTABLE, CKA_SENSITIVE, CKA_ALWAYS_SENSITIVE);
    String description =
        String.format(
            "Attributs PKCS#11 de la clé privée lus sur le support : CKA_LOCAL=%s,"
                + " CKA_NEVER_EXTRACTABLE=%s, CKA_SENSITIVE=%s, CKA_ALWAYS_SENSITIVE=%s",
            flags[0], flags[1], flags[2], flags[3]);
    return new KeyEvidence(flags[0], flags[1], flags[2], flags[3], flags[0], description);
  }

  @Override
  public Optional<X509Certificate> readCertificate(KeySlot keySlot) throws TokenException {
    List<NativeLong> found = session.find(CKO_CERTIFICATE, objectId(keySlot));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    byte[] encoded = session.bytes(found.get(0), CKA_VALUE);
    try {
      return Optional.of(
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(encoded)));
    } catch (CertificateException e) {
      throw new TokenException("the certificate for " + keySlot + " cannot be parsed", e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Replaces the slot's certificate object, with the key's CKA_ID and label.
   */
  @Override
  public void writeCertificate(KeySlot keySlot, X509Certificate certificate) throws TokenException {
    byte[] id = objectId(keySlot);
    byte[] encoded;
    try {
      encoded = certificate.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new TokenException("the certificate cannot be encoded", e);
    }
    session.destroy(id, CKO_CERTIFICATE);
    session.createCertificate(id, objectLabel(keySlot), certificate, encoded);
  }

  private void requireLogin(String what) throws TokenException {
    if (!session.userLoggedIn()) {
      throw new LoginRequiredException("verify the holder's PIN before " + what);
    }
  }

  /** Logs out and closes the session; the module stays loaded for the process. */
  @Override
  public void close() {
    session.close();
  }
}
