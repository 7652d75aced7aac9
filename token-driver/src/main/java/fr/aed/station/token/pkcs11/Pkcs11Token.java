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
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKR_PIN_INVALID;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKR_PIN_LEN_RANGE;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKR_PIN_LOCKED;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKR_USER_ALREADY_LOGGED_IN;

import com.sun.jna.NativeLong;
import fr.aed.station.token.KeyEvidence;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.LoginRequiredException;
import fr.aed.station.token.ManagementKeyOutcome;
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
import java.util.Set;
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
 *
 * <p>Modules over a PIV card, such as ykcs11, generate keys and write certificates only after a
 * security officer's login (for ykcs11 its "PIN" is the card's management key in hex): opened with
 * a {@link SecurityOfficerPin}, the token logs the holder out, the officer in for those operations,
 * then the holder back in. Keys with CKA_ALWAYS_AUTHENTICATE (ykcs11's signature key, PIV slot 9C)
 * need the PIN again for every use (a context-specific login, which SunPKCS11 cannot do): they sign
 * and decipher through the wrapper. For both, the token keeps a copy of the holder's verified PIN
 * while it is open and wipes it in {@link #close()}.
 *
 * <p>On ykcs11 every key is generated and used through the wrapper, found by its CKA_ID in later
 * sessions too: SunPKCS11, not logged in as the user during an SO-login generation, would take the
 * new keys for session objects and destroy them once garbage-collected (which ykcs11 does, on the
 * card's certificate objects, whatever operation runs then). ykcs11 ignores CKA_LABEL: its keys
 * keep their PIV names.
 */
public final class Pkcs11Token implements Token {

  private final Pkcs11Module module;
  private final long slot;
  private final Pkcs11Session session;
  private final Pkcs11Keys keys;
  private final Map<KeySlot, Pkcs11Keys.Handle> generated = new EnumMap<>(KeySlot.class);
  private final Pkcs11Logins logins;
  private final WrapperKeys wrapperKeys;
  private final boolean throughWrapper;

  private Pkcs11Token(
      Pkcs11Module module,
      long slot,
      Pkcs11Session session,
      SecurityOfficerPin securityOfficer,
      boolean throughWrapper) {
    this.module = module;
    this.slot = slot;
    this.session = session;
    this.logins = new Pkcs11Logins(session, securityOfficer);
    this.keys = new Pkcs11Keys(module.path(), slot);
    this.wrapperKeys = new WrapperKeys(module, slot, session, logins);
    this.throughWrapper = throughWrapper;
  }

  // ykcs11 generates keys under the SO login only: SunPKCS11 would take them for session objects
  // and destroy them when garbage-collected, which ykcs11 carries out on the card's objects.
  private static boolean isYkcs11(Pkcs11Module module) throws TokenException {
    return module.manufacturer().startsWith("Yubico");
  }

  /**
   * Opens the token in {@code slot} of the PKCS#11 module at {@code modulePath}.
   *
   * @throws ModuleNotFoundException if the module is missing, not a PKCS#11 library or built for
   *     another architecture
   * @throws TokenException if no token matches {@code slot} or the module fails
   */
  public static Pkcs11Token open(Path modulePath, Pkcs11Slot slot) throws TokenException {
    return open(modulePath, slot, null);
  }

  /**
   * Opens the token in {@code slot} of the PKCS#11 module at {@code modulePath}, generating keys
   * and writing certificates as the security officer. The token takes {@code securityOfficer} over
   * and wipes it when closed.
   *
   * @param securityOfficer the officer's PIN, or null to do everything as the holder
   * @throws ModuleNotFoundException if the module is missing, not a PKCS#11 library or built for
   *     another architecture
   * @throws TokenException if no token matches {@code slot} or the module fails
   */
  public static Pkcs11Token open(
      Path modulePath, Pkcs11Slot slot, SecurityOfficerPin securityOfficer) throws TokenException {
    try {
      Pkcs11Module module = Pkcs11Module.load(modulePath);
      long slotId = slot.resolve(module);
      boolean throughWrapper = isYkcs11(module);
      return new Pkcs11Token(
          module, slotId, new Pkcs11Session(module, slotId), securityOfficer, throughWrapper);
    } catch (TokenException | RuntimeException e) {
      if (securityOfficer != null) {
        securityOfficer.close();
      }
      throw e;
    }
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
      rv = logins.loginHolder(exact);
    } finally {
      Arrays.fill(exact, (byte) 0);
    }
    if (rv == CKR_OK || rv == CKR_USER_ALREADY_LOGGED_IN) {
      return;
    }
    throw pinRefused(rv, "C_Login");
  }

  /**
   * {@inheritDoc}
   *
   * <p>Destroys the slot's previous key pair and certificate first. With a security officer's PIN,
   * does both as the officer, then logs the holder back in.
   *
   * @throws LoginRequiredException if the PIN was not verified in this session
   * @throws fr.aed.station.token.TokenFullException if the token has no room for the new key
   * @throws TokenException if the module refuses the security officer's PIN, or needs one and the
   *     token was opened without it
   */
  @Override
  public PublicKey generateKeyPair(KeySlot keySlot, KeyType type) throws TokenException {
    requireLogin("generating a key");
    byte[] id = objectId(keySlot);
    if (throughWrapper) {
      wrapperKeys.requireGenerates(type);
    }
    return logins.asOwnerOfObjects(
        "generating a key",
        () -> {
          session.destroy(id, CKO_PRIVATE_KEY, CKO_PUBLIC_KEY, CKO_CERTIFICATE);
          generated.remove(keySlot);
          if (throughWrapper) {
            return wrapperKeys.generate(type, id);
          }
          Pkcs11Keys.Generated pair = keys.generate(type, id, objectLabel(keySlot));
          generated.put(keySlot, pair.handle());
          return pair.publicKey();
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Signs through SunPKCS11 with the key generated in this session or, in a later session, the
   * key that the token's certificate for this slot designates (SunPKCS11 lists keys only with their
   * certificate). A key with CKA_ALWAYS_AUTHENTICATE, and every ykcs11 key, signs through the
   * wrapper instead (CKM_RSA_PKCS over the DigestInfo, or CKM_ECDSA over the hash), after a
   * context-specific login when the key asks for one.
   *
   * @throws LoginRequiredException if the PIN was not verified in this session
   */
  @Override
  public byte[] signSha256(KeySlot keySlot, byte[] data) throws TokenException {
    requireLogin("signing");
    Optional<NativeLong> key = wrapperKey(keySlot);
    if (key.isPresent()) {
      return wrapperKeys.signSha256(key.get(), data);
    }
    return keys.sign(privateKey(keySlot), data);
  }

  /**
   * {@inheritDoc}
   *
   * <p>A key of an earlier session whose certificate is not written yet is invisible to SunPKCS11
   * (it lists keys with their certificate): it signs through the wrapper, found by its CKA_ID.
   */
  @Override
  public byte[] signSha256(KeySlot keySlot, java.security.PublicKey expected, byte[] data)
      throws TokenException {
    requireLogin("signing");
    if (generated.containsKey(keySlot) || readCertificate(keySlot).isPresent()) {
      return signSha256(keySlot, data);
    }
    NativeLong key =
        wrapperKeys
            .privateKey(objectId(keySlot))
            .orElseThrow(
                () -> new TokenException("no private key for " + keySlot + " on the token"));
    return wrapperKeys.signSha256(key, data);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Through SunPKCS11's {@code RSA/ECB/NoPadding} (CKM_RSA_X_509) with the key generated in this
   * session or, in a later session, the key that the token's certificate for this slot designates;
   * a key with CKA_ALWAYS_AUTHENTICATE, and every ykcs11 key, through the wrapper (CKM_RSA_X_509).
   *
   * @throws LoginRequiredException if the PIN was not verified in this session
   * @throws fr.aed.station.token.UnsupportedKeyTypeException if the slot holds an EC key
   */
  @Override
  public byte[] decipher(KeySlot keySlot, byte[] block) throws TokenException {
    requireLogin("deciphering");
    NativeLong key =
        wrapperKeys
            .privateKey(objectId(keySlot))
            .orElseThrow(
                () -> new TokenException("no private key for " + keySlot + " on the token"));
    wrapperKeys.requireRawRsaBlock(key, block);
    if (throughWrapper || wrapperKeys.alwaysAuthenticate(key)) {
      return wrapperKeys.decipher(key, block);
    }
    return keys.decipher(privateKey(keySlot), block);
  }

  // The slot's key when it is used through the wrapper: every ykcs11 key, and on other modules
  // those with CKA_ALWAYS_AUTHENTICATE.
  private Optional<NativeLong> wrapperKey(KeySlot keySlot) throws TokenException {
    Optional<NativeLong> key = wrapperKeys.privateKey(objectId(keySlot));
    if (throughWrapper && key.isEmpty()) {
      throw new TokenException("no private key for " + keySlot + " on the token");
    }
    return throughWrapper ? key : key.filter(wrapperKeys::alwaysAuthenticate);
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
   * <p>Replaces the slot's certificate object, with the key's CKA_ID and label; as the security
   * officer when the token has one.
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
    logins.asOwnerOfObjects(
        "writing a certificate",
        () -> {
          session.destroy(id, CKO_CERTIFICATE);
          session.createCertificate(id, objectLabel(keySlot), certificate, encoded);
          return null;
        });
  }

  @Override
  public Set<KeyType> supportedKeyTypes() throws TokenException {
    return wrapperKeys.generatedTypes();
  }

  /**
   * {@inheritDoc}
   *
   * <p>C_SetPIN as the token's user, then the holder counts as logged in with the new PIN.
   *
   * @throws WrongPinException if the module answers CKR_PIN_INCORRECT
   * @throws PinBlockedException if the module answers CKR_PIN_LOCKED
   * @throws TokenException if the module refuses the new PIN (CKR_PIN_LEN_RANGE, CKR_PIN_INVALID)
   */
  @Override
  public void changePin(char[] currentPin, char[] newPin) throws TokenException {
    byte[] current = Pkcs11Provisioning.utf8(currentPin);
    byte[] fresh = Pkcs11Provisioning.utf8(newPin);
    try {
      long rv = session.setPin(current, fresh);
      if (rv == CKR_PIN_LEN_RANGE || rv == CKR_PIN_INVALID) {
        throw new TokenException("the token refuses this new PIN (" + Pkcs11Errors.name(rv) + ")");
      }
      if (rv != CKR_OK) {
        throw pinRefused(rv, "C_SetPIN");
      }
      long login = logins.loginHolder(fresh);
      if (login != CKR_OK && login != CKR_USER_ALREADY_LOGGED_IN) {
        throw new Pkcs11CallException("C_Login", login);
      }
    } finally {
      Arrays.fill(current, (byte) 0);
      Arrays.fill(fresh, (byte) 0);
    }
  }

  /** A PKCS#11 token has no PUK: its security officer unblocks the PIN with the maker's tool. */
  @Override
  public void unblockPin(char[] puk, char[] newPin) throws TokenException {
    throw new TokenException(
        "a PKCS#11 token has no PUK: its security officer unblocks the PIN with the maker's tool");
  }

  /** A PKCS#11 token has no PIV management key: its security officer's PIN stands for it. */
  @Override
  public ManagementKeyOutcome secureManagementKey() {
    return ManagementKeyOutcome.NOT_APPLICABLE;
  }

  private TokenException pinRefused(long rv, String call) throws TokenException {
    if (rv == CKR_PIN_LOCKED) {
      return new PinBlockedException();
    }
    if (rv == CKR_PIN_INCORRECT) {
      int tries = triesLeft();
      return tries == 0 ? new PinBlockedException() : new WrongPinException(tries);
    }
    return new Pkcs11CallException(call, rv);
  }

  private void requireLogin(String what) throws TokenException {
    if (!session.userLoggedIn()) {
      throw new LoginRequiredException("verify the holder's PIN before " + what);
    }
  }

  /**
   * Logs out, closes the session and wipes the PINs it kept; the module stays loaded for the
   * process.
   */
  @Override
  public void close() {
    session.close();
    logins.close();
  }
}
