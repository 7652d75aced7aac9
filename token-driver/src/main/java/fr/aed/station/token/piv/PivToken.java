package fr.aed.station.token.piv;

import fr.aed.station.token.CardRemovedException;
import fr.aed.station.token.KeyEvidence;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.LoginRequiredException;
import fr.aed.station.token.ManagementKeyOutcome;
import fr.aed.station.token.ManagementKeyRefusedException;
import fr.aed.station.token.PinBlockedException;
import fr.aed.station.token.PinStatus;
import fr.aed.station.token.Token;
import fr.aed.station.token.TokenDescription;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.UnsupportedKeyTypeException;
import fr.aed.station.token.WrongPinException;
import fr.aed.station.token.apdu.ApduTransport;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A PIV card as a {@link Token}. Roles map to slots: AUTHENTICATION to 9A, SIGNATURE to 9C,
 * KEY_MANAGEMENT to 9D, CARD_AUTHENTICATION to 9E.
 *
 * <p>It follows the card's rules as real cards enforce them: each slot's PIN policy (read with GET
 * METADATA where the card offers it, else the SP 800-73-4 access rules: 9A once, 9C always, 9D
 * once, 9E never), the PIN presented again right before every use that needs it; the management key
 * in the card's algorithm (3DES, or AES on YubiKeys from 5.4), found among the key given for the
 * card, the key the card keeps behind the PIN, and the factory key.
 */
public final class PivToken implements Token {

  /** The record's words for a key this session generated on the card. */
  public static final String GENERATED_IN_SESSION =
      "Paire générée sur le support par la commande GENERATE ASYMMETRIC KEY PAIR pendant le"
          + " rendez-vous";

  // DER prefix of a SHA-256 DigestInfo (RFC 8017, 9.2, note 1).
  private static final byte[] SHA256_DIGEST_INFO =
      HexFormat.of().parseHex("3031300d060960864801650304020105000420");

  private final PivSession session;
  private final String readerName;
  private final Optional<ManagementKey> suppliedKey;
  private final SecureRandom random = new SecureRandom();
  private final Map<PivSlot, PivAlgorithm> generated = new EnumMap<>(PivSlot.class);
  private final Map<PivSlot, PublicKey> generatedKeys = new EnumMap<>(PivSlot.class);
  // Keys of earlier sessions the caller expects, for their type on cards without metadata.
  private final Map<PivSlot, PivAlgorithm> expected = new EnumMap<>(PivSlot.class);
  private final Map<PivSlot, PinPolicy> policies = new EnumMap<>(PivSlot.class);
  private final Optional<CardVersion> version;
  private char[] pin;

  /**
   * Opens the PIV application of the card behind {@code transport}; the management key is found on
   * the card (factory, or kept behind the PIN).
   *
   * @throws TokenException if the card has no PIV application or cannot be read
   */
  public PivToken(ApduTransport transport, String readerName) throws TokenException {
    this(transport, readerName, Optional.empty());
  }

  /**
   * Opens the PIV application of the card behind {@code transport}, with the card's own management
   * key when one is given (the token keeps a copy, wiped when closed).
   *
   * @throws TokenException if the card has no PIV application or cannot be read
   */
  public PivToken(ApduTransport transport, String readerName, Optional<ManagementKey> key)
      throws TokenException {
    this.session = new PivSession(transport);
    this.readerName = readerName;
    this.suppliedKey = key.map(k -> new ManagementKey(k.algorithm(), k.bytes()));
    this.version = session.version();
  }

  /** The PIV slot holding the key of {@code slot}. */
  public static PivSlot pivSlot(KeySlot slot) {
    return switch (slot) {
      case AUTHENTICATION -> PivSlot.AUTHENTICATION;
      case SIGNATURE -> PivSlot.SIGNATURE;
      case KEY_MANAGEMENT -> PivSlot.KEY_MANAGEMENT;
      case CARD_AUTHENTICATION -> PivSlot.CARD_AUTHENTICATION;
    };
  }

  /** The PIV algorithm generating keys of {@code type}. */
  public static PivAlgorithm pivAlgorithm(KeyType type) {
    return switch (type) {
      case RSA2048 -> PivAlgorithm.RSA2048;
      case RSA3072 -> PivAlgorithm.RSA3072;
      case P256 -> PivAlgorithm.ECCP256;
      case P384 -> PivAlgorithm.ECCP384;
    };
  }

  /** The PIV session under this token, for operations beyond the {@link Token} contract. */
  public PivSession session() {
    return session;
  }

  /** The card's firmware version, when it answers YubiKey's GET VERSION. */
  public Optional<CardVersion> version() {
    return version;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The serial is the card's serial number when it answers GET SERIAL (YubiKeys), else the hex
   * GUID of its CHUID; the model says the firmware version when the card tells it.
   *
   * @throws TokenException if the card tells neither a serial number nor a GUID
   */
  @Override
  public TokenDescription describe() throws TokenException {
    Optional<Long> serial = session.serial();
    String identifier =
        serial.isPresent() ? Long.toString(serial.get()) : HexFormat.of().formatHex(guid());
    String model = version.map(v -> "PIV card, firmware " + v).orElse("PIV card");
    return new TokenDescription("PIV over PC/SC", model, identifier, readerName);
  }

  private byte[] guid() throws TokenException {
    try {
      return session.readGuid();
    } catch (CardRemovedException e) {
      throw e;
    } catch (TokenException e) {
      throw new TokenException(
          "the card tells neither a serial number nor a CHUID: it cannot be told apart", e);
    }
  }

  @Override
  public Set<KeyType> supportedKeyTypes() {
    return version.map(CardVersion::keyTypes).orElseGet(CardVersion::standardKeyTypes);
  }

  @Override
  public PinStatus pinStatus() throws TokenException {
    int tries = session.pinTriesLeft();
    return tries < 0 ? new PinStatus(true, -1) : new PinStatus(false, tries);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The token keeps a copy of the PIN until it is closed, to present it right before each use
   * that needs it.
   *
   * @throws WrongPinException if the card refused the PIN, with the tries left
   * @throws PinBlockedException if no try is left, before or after this one
   * @throws CardRemovedException if the card goes away
   */
  @Override
  public void verifyPin(char[] pin) throws TokenException {
    session.verifyPin(pin);
    keepPin(pin);
  }

  /**
   * {@inheritDoc}
   *
   * @throws WrongPinException if the card refused the current PIN, with the tries left
   * @throws PinBlockedException if the PIN is blocked
   * @throws TokenException if a PIN has not 6 to 8 characters, or the card fails otherwise
   */
  @Override
  public void changePin(char[] currentPin, char[] newPin) throws TokenException {
    session.changePin(currentPin, newPin);
    keepPin(newPin);
  }

  /**
   * {@inheritDoc}
   *
   * @throws WrongPinException if the card refused the PUK, with the PUK's tries left
   * @throws PinBlockedException if the PUK is blocked too
   */
  @Override
  public void unblockPin(char[] puk, char[] newPin) throws TokenException {
    session.unblockPin(puk, newPin);
    keepPin(newPin);
  }

  private void keepPin(char[] verified) {
    forgetPin();
    pin = verified.clone();
  }

  private void forgetPin() {
    if (pin != null) {
      Arrays.fill(pin, '\0');
      pin = null;
    }
  }

  // VERIFY right before a use that needs it: a "PIN always" key takes no other command between.
  private void presentPin(String operation) throws TokenException {
    if (pin == null) {
      throw new LoginRequiredException("verify the holder's PIN before " + operation);
    }
    session.verifyPin(pin);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Checks the card generates {@code type}, authenticates the management key, writes the CHUID
   * and CCC the card lacks (so that desktop stacks take it for a PIV card), then generates; on a
   * card with YubiKey's commands the key is given its slot's standard PIN policy (9C: always).
   * Refused before the holder's PIN is verified: the holder consents to a new key by entering it.
   *
   * @throws UnsupportedKeyTypeException if the card does not generate {@code type}
   * @throws ManagementKeyRefusedException if the card's management key is not one the token knows
   * @throws TokenException if the PIN is not verified, or the card fails
   * @throws CardRemovedException if the card goes away
   */
  @Override
  public PublicKey generateKeyPair(KeySlot slot, KeyType type) throws TokenException {
    if (pin == null) {
      throw new LoginRequiredException("verify the holder's PIN before generating a key");
    }
    if (!supportedKeyTypes().contains(type)) {
      throw new UnsupportedKeyTypeException(type, describeModel(), supportedKeyTypes());
    }
    PivSlot pivSlot = pivSlot(slot);
    PivAlgorithm algorithm = pivAlgorithm(type);
    authenticateManagementKey();
    writeMissingCardObjects();
    PinPolicy policy = PinPolicy.standardFor(pivSlot);
    generated.remove(pivSlot);
    generatedKeys.remove(pivSlot);
    PublicKey publicKey =
        session.generateKey(
            pivSlot, algorithm, version.isPresent() ? Optional.of(policy) : Optional.empty());
    generated.put(pivSlot, algorithm);
    generatedKeys.put(pivSlot, publicKey);
    policies.put(pivSlot, policy);
    return publicKey;
  }

  private String describeModel() {
    return version.map(v -> "this card (firmware " + v + ")").orElse("this PIV card");
  }

  private void writeMissingCardObjects() throws TokenException {
    if (session.getObject(CardObjects.OBJECT_CHUID).isEmpty()) {
      session.putObject(CardObjects.OBJECT_CHUID, CardObjects.chuid(random));
    }
    if (session.getObject(CardObjects.OBJECT_CCC).isEmpty()) {
      session.putObject(CardObjects.OBJECT_CCC, CardObjects.ccc(random));
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>The expected key's type is used when the card neither made the key in this session nor tells
   * the slot's type in its metadata (a card without YubiKey's commands, before the certificate is
   * written).
   */
  @Override
  public byte[] signSha256(KeySlot slot, PublicKey expectedKey, byte[] data) throws TokenException {
    PivSlot pivSlot = pivSlot(slot);
    try {
      expected.put(pivSlot, algorithmOf(pivSlot, expectedKey));
    } catch (IllegalArgumentException e) {
      throw new TokenException("a PIV card holds no key of this type: " + e.getMessage(), e);
    }
    return signSha256(slot, data);
  }

  /**
   * {@inheritDoc}
   *
   * <p>For RSA the PKCS#1 v1.5 block is built here and the card applies the raw private key; for EC
   * the card signs the SHA-256 hash. The PIN goes right before, when the slot's policy asks.
   *
   * @throws LoginRequiredException if the slot needs the PIN and it was not verified, or if the
   *     card refused the key although the PIN was presented right before ({@link
   *     LoginRequiredException#pinPresented()})
   * @throws TokenException if the slot holds no key or its type is unknown, or the card fails
   * @throws CardRemovedException if the card goes away
   */
  @Override
  public byte[] signSha256(KeySlot slot, byte[] data) throws TokenException {
    PivSlot pivSlot = pivSlot(slot);
    PivAlgorithm algorithm = algorithmIn(pivSlot);
    byte[] hash = sha256(data);
    byte[] input = algorithm.isRsa() ? pkcs1Block(hash, algorithm.bits() / 8) : hash;
    return useKey(pivSlot, algorithm, input, "signing");
  }

  /**
   * {@inheritDoc}
   *
   * <p>GENERAL AUTHENTICATE with the block as challenge, as for an RSA signature: PIV cards apply
   * the raw private key in every slot, the key-management slot 9D included.
   *
   * @throws LoginRequiredException if the PIN is not verified
   * @throws UnsupportedKeyTypeException if the slot holds an EC key
   * @throws TokenException if the slot holds no key or its type is unknown, or the card fails
   * @throws CardRemovedException if the card goes away
   */
  @Override
  public byte[] decipher(KeySlot slot, byte[] block) throws TokenException {
    if (pin == null) {
      throw new LoginRequiredException("verify the holder's PIN before deciphering");
    }
    PivSlot pivSlot = pivSlot(slot);
    PivAlgorithm algorithm = algorithmIn(pivSlot);
    if (!algorithm.isRsa()) {
      throw new UnsupportedKeyTypeException(
          "slot " + pivSlot + " holds an EC key: only RSA keys decipher");
    }
    int size = algorithm.bits() / 8;
    if (block.length != size) {
      throw new IllegalArgumentException(
          "the block is " + block.length + " bytes, the modulus " + size);
    }
    return leftPad(useKey(pivSlot, algorithm, block, "deciphering"), size);
  }

  private byte[] useKey(PivSlot slot, PivAlgorithm algorithm, byte[] input, String operation)
      throws TokenException {
    if (!policyOf(slot).needsPin()) {
      return session.sign(slot, algorithm, input);
    }
    presentPin(operation);
    try {
      return session.sign(slot, algorithm, input);
    } catch (LoginRequiredException refused) {
      // The PIN went right before: the card's rule for this key is not the one the token followed.
      throw new LoginRequiredException(
          "the card refused slot " + slot + "'s key although the PIN was presented right before",
          refused,
          true);
    }
  }

  private PinPolicy policyOf(PivSlot slot) throws TokenException {
    PinPolicy known = policies.get(slot);
    if (known == null) {
      known =
          session
              .slotMetadata(slot)
              .map(PivMetadata.Slot::pinPolicy)
              .filter(p -> p != PinPolicy.DEFAULT)
              .orElse(PinPolicy.standardFor(slot));
      policies.put(slot, known);
    }
    return known;
  }

  // A card may drop the result's leading zero bytes; raw RSA results are the modulus length.
  private static byte[] leftPad(byte[] result, int size) throws TokenException {
    if (result.length > size) {
      throw new TokenException("the card answered " + result.length + " bytes for " + size);
    }
    byte[] padded = new byte[size];
    System.arraycopy(result, 0, padded, size - result.length, result.length);
    return padded;
  }

  private PivAlgorithm algorithmIn(PivSlot slot) throws TokenException {
    PivAlgorithm known = generated.get(slot);
    if (known != null) {
      return known;
    }
    Optional<PivMetadata.Slot> metadata = session.slotMetadata(slot);
    if (metadata.isPresent()) {
      try {
        return PivAlgorithm.fromValue(metadata.get().algorithm());
      } catch (IllegalArgumentException e) {
        throw new TokenException("slot " + slot + " holds a key of an unsupported type", e);
      }
    }
    PivAlgorithm declared = expected.get(slot);
    if (declared != null) {
      return declared;
    }
    PublicKey key =
        session
            .readCertificate(slot)
            .orElseThrow(
                () ->
                    new TokenException(
                        "the type of the key in slot "
                            + slot
                            + " is unknown: no key generated in this session and no certificate"))
            .getPublicKey();
    return algorithmOf(slot, key);
  }

  private static PivAlgorithm algorithmOf(PivSlot slot, PublicKey key) throws TokenException {
    if (key instanceof RSAPublicKey rsa) {
      return PivAlgorithm.of("RSA", rsa.getModulus().bitLength());
    }
    if (key instanceof ECPublicKey ec) {
      return PivAlgorithm.of("EC", ec.getParams().getCurve().getField().getFieldSize());
    }
    throw new TokenException("slot " + slot + " holds a key of an unsupported type");
  }

  // EMSA-PKCS1-v1_5 (RFC 8017, 9.2): 00 01 FF..FF 00 DigestInfo.
  private static byte[] pkcs1Block(byte[] hash, int size) {
    byte[] block = new byte[size];
    Arrays.fill(block, (byte) 0xFF);
    block[0] = 0x00;
    block[1] = 0x01;
    int digestInfoStart = size - SHA256_DIGEST_INFO.length - hash.length;
    block[digestInfoStart - 1] = 0x00;
    System.arraycopy(SHA256_DIGEST_INFO, 0, block, digestInfoStart, SHA256_DIGEST_INFO.length);
    System.arraycopy(hash, 0, block, size - hash.length, hash.length);
    return block;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>PIV has no standard command reading a key's origin: the evidence is that this session
   * generated the key with GENERATE ASYMMETRIC KEY PAIR, on a card that never exports private keys,
   * and, on cards that offer it, the card's attestation of the key (Yubico's ATTEST, signed by the
   * attestation key of slot F9), checked to name the key the card reported.
   *
   * @throws fr.aed.station.token.AttestationMismatchException if the attestation names another key
   *     or does not verify with the card's attestation certificate
   * @throws TokenException if this session did not generate the slot's key
   */
  @Override
  public KeyEvidence keyEvidence(KeySlot slot) throws TokenException {
    PivSlot pivSlot = pivSlot(slot);
    PublicKey publicKey = generatedKeys.get(pivSlot);
    if (publicKey == null) {
      throw new TokenException(
          "no evidence for slot " + pivSlot + ": its key was not generated in this session");
    }
    Optional<KeyAttestation> attestation = KeyAttestation.read(session, pivSlot, publicKey);
    return new KeyEvidence(
        true,
        true,
        true,
        true,
        true,
        GENERATED_IN_SESSION
            + attestation.map(KeyAttestation::description).orElse(KeyAttestation.NONE),
        attestation.map(KeyAttestation::chain).orElse(java.util.List.of()));
  }

  @Override
  public Optional<X509Certificate> readCertificate(KeySlot slot) throws TokenException {
    return session.readCertificate(pivSlot(slot));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Authenticates the management key first.
   */
  @Override
  public void writeCertificate(KeySlot slot, X509Certificate certificate) throws TokenException {
    authenticateManagementKey();
    session.writeCertificate(pivSlot(slot), certificate);
  }

  /**
   * {@inheritDoc}
   *
   * <p>On a card with YubiKey's SET MANAGEMENT KEY whose key is the factory one: a random key of
   * the same algorithm is written first into the PRINTED object (which the card gives only after
   * the PIN), then set, then flagged in ADMIN DATA, so that a card pulled at any point still opens
   * with one of the keys the token tries.
   */
  @Override
  public ManagementKeyOutcome secureManagementKey() throws TokenException {
    if (pin == null) {
      throw new LoginRequiredException("verify the holder's PIN before changing the card's keys");
    }
    Opened opened = authenticateManagementKey();
    if (opened.behindPin()) {
      return ManagementKeyOutcome.REPLACED_PIN_PROTECTED;
    }
    ManagementKey current = opened.key();
    if (!current.isFactory()) {
      return ManagementKeyOutcome.ALREADY_PERSONAL;
    }
    if (version.isEmpty()) {
      return ManagementKeyOutcome.NOT_CHANGEABLE;
    }
    ManagementKey fresh = ManagementKey.random(current.algorithm(), random);
    byte[] printed = PinProtectedManagementKey.printedObject(fresh);
    try {
      session.putObject(PinProtectedManagementKey.OBJECT_PRINTED, printed);
      session.setManagementKey(fresh);
      session.putObject(
          PinProtectedManagementKey.OBJECT_ADMIN_DATA, PinProtectedManagementKey.adminData());
      return ManagementKeyOutcome.REPLACED_PIN_PROTECTED;
    } finally {
      Arrays.fill(printed, (byte) 0);
      fresh.wipe();
    }
  }

  /** The key that opened the card, and whether it is the one the card keeps behind the PIN. */
  private record Opened(ManagementKey key, boolean behindPin) {}

  // Tries, in order, the key given for the card, else the key kept behind the PIN and the factory
  // key; says which one the card took.
  private Opened authenticateManagementKey() throws TokenException {
    Optional<PivMetadata.ManagementKeyInfo> metadata = session.managementKeyMetadata();
    Optional<ManagementKeyAlgorithm> algorithm = metadata.flatMap(m -> m.algorithm());
    if (suppliedKey.isPresent()) {
      ManagementKey key = suppliedKey.get();
      ManagementKey typed = algorithm.map(key::as).orElse(key);
      session.authenticateManagementKey(typed);
      return new Opened(typed, false);
    }
    ManagementKeyAlgorithm cardAlgorithm = algorithm.orElse(ManagementKeyAlgorithm.TRIPLE_DES);
    // A card that says its key is the factory one is not asked for another (fewer commands); one
    // that cannot say is tried with the key kept behind the PIN, then the factory key.
    boolean factoryExpected = metadata.map(m -> m.factory()).orElse(true);
    if (metadata.isEmpty() || !factoryExpected) {
      Optional<ManagementKey> protectedKey = pinProtectedKey(cardAlgorithm);
      if (protectedKey.isPresent() && tryKey(protectedKey.get())) {
        return new Opened(protectedKey.get(), true);
      }
    }
    ManagementKey factory = ManagementKey.factory(cardAlgorithm);
    if (factoryExpected && tryKey(factory)) {
      return new Opened(factory, false);
    }
    throw new ManagementKeyRefusedException(
        "the card's management key is not the factory key and the card keeps none behind the PIN",
        false);
  }

  private boolean tryKey(ManagementKey key) throws TokenException {
    try {
      session.authenticateManagementKey(key);
      return true;
    } catch (ManagementKeyRefusedException refused) {
      return false;
    }
  }

  private Optional<ManagementKey> pinProtectedKey(ManagementKeyAlgorithm algorithm)
      throws TokenException {
    if (pin == null) {
      return Optional.empty();
    }
    session.verifyPin(pin);
    Optional<byte[]> printed;
    try {
      printed = session.getObject(PinProtectedManagementKey.OBJECT_PRINTED);
    } catch (CardRemovedException e) {
      throw e;
    } catch (TokenException unreadable) {
      return Optional.empty();
    }
    Optional<byte[]> bytes = printed.flatMap(PinProtectedManagementKey::keyBytes);
    if (bytes.isEmpty() || bytes.get().length != algorithm.keyLength()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ManagementKey(algorithm, bytes.get()));
    } finally {
      Arrays.fill(bytes.get(), (byte) 0);
      Arrays.fill(printed.get(), (byte) 0);
    }
  }

  /** Ends the session and wipes the PIN and management key copies; never throws. */
  @Override
  public void close() {
    forgetPin();
    suppliedKey.ifPresent(ManagementKey::wipe);
    session.close();
  }
}
