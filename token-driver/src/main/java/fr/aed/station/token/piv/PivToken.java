package fr.aed.station.token.piv;

import fr.aed.station.token.CardRemovedException;
import fr.aed.station.token.KeyEvidence;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.LoginRequiredException;
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
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * A PIV card as a {@link Token}. Roles map to slots: AUTHENTICATION to 9A, SIGNATURE to 9C,
 * KEY_MANAGEMENT to 9D, CARD_AUTHENTICATION to 9E.
 *
 * <p>PIV has no standard command telling a slot's key type, so the token remembers the keys it
 * generated and otherwise reads the type from the slot's certificate.
 */
public final class PivToken implements Token {

  /** The management key cards ship with (SP 800-73 test cards, YubiKey): 0102..08 three times. */
  public static final byte[] DEFAULT_MANAGEMENT_KEY =
      HexFormat.of().parseHex("010203040506070801020304050607080102030405060708");

  // DER prefix of a SHA-256 DigestInfo (RFC 8017, 9.2, note 1).
  private static final byte[] SHA256_DIGEST_INFO =
      HexFormat.of().parseHex("3031300d060960864801650304020105000420");

  /** The record's words for a key this session generated on the card. */
  public static final String GENERATED_IN_SESSION =
      "Paire générée sur le support par la commande GENERATE ASYMMETRIC KEY PAIR pendant le"
          + " rendez-vous";

  private final PivSession session;
  private final String readerName;
  private final byte[] managementKey;
  private final Map<PivSlot, PivAlgorithm> generated = new EnumMap<>(PivSlot.class);

  /**
   * Opens the PIV application of the card behind {@code transport}, with the default management
   * key.
   *
   * @throws TokenException if the card has no PIV application or cannot be read
   */
  public PivToken(ApduTransport transport, String readerName) throws TokenException {
    this(transport, readerName, DEFAULT_MANAGEMENT_KEY);
  }

  /**
   * Opens the PIV application of the card behind {@code transport}, with the card's own 24-byte
   * 3DES management key.
   *
   * @throws TokenException if the card has no PIV application or cannot be read
   */
  public PivToken(ApduTransport transport, String readerName, byte[] managementKey)
      throws TokenException {
    this.session = new PivSession(transport);
    this.readerName = readerName;
    this.managementKey = managementKey.clone();
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

  /**
   * {@inheritDoc}
   *
   * <p>The serial is the hex GUID of the card's CHUID.
   */
  @Override
  public TokenDescription describe() throws TokenException {
    String serial = HexFormat.of().formatHex(session.readGuid());
    return new TokenDescription("PIV over PC/SC", "PIV card", serial, readerName);
  }

  @Override
  public PinStatus pinStatus() throws TokenException {
    int tries = session.pinTriesLeft();
    return tries < 0 ? new PinStatus(true, -1) : new PinStatus(false, tries);
  }

  /**
   * {@inheritDoc}
   *
   * @throws WrongPinException if the card refused the PIN, with the tries left
   * @throws PinBlockedException if no try is left, before or after this one
   * @throws CardRemovedException if the card goes away
   */
  @Override
  public void verifyPin(char[] pin) throws TokenException {
    session.verifyPin(pin);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Authenticates the management key first. Refused before the holder's PIN is verified: the
   * holder consents to a new key by entering the PIN.
   *
   * @throws TokenException if the PIN is not verified, the management key is refused, or the card
   *     fails
   * @throws CardRemovedException if the card goes away
   */
  @Override
  public PublicKey generateKeyPair(KeySlot slot, KeyType type) throws TokenException {
    if (!pinStatus().verified()) {
      throw new LoginRequiredException("verify the holder's PIN before generating a key");
    }
    PivSlot pivSlot = pivSlot(slot);
    PivAlgorithm algorithm = pivAlgorithm(type);
    session.authenticateManagementKey(managementKey);
    generated.remove(pivSlot);
    PublicKey publicKey = session.generateKey(pivSlot, algorithm);
    generated.put(pivSlot, algorithm);
    return publicKey;
  }

  /**
   * {@inheritDoc}
   *
   * <p>For RSA the PKCS#1 v1.5 block is built here and the card applies the raw private key; for EC
   * the card signs the SHA-256 hash.
   *
   * @throws TokenException if the PIN is not verified, the slot holds no key or its type is unknown
   *     (no key generated in this session and no certificate), or the card fails
   * @throws CardRemovedException if the card goes away
   */
  @Override
  public byte[] signSha256(KeySlot slot, byte[] data) throws TokenException {
    PivSlot pivSlot = pivSlot(slot);
    PivAlgorithm algorithm = algorithmIn(pivSlot);
    byte[] hash = sha256(data);
    byte[] input = algorithm.isRsa() ? pkcs1Block(hash, algorithm.bits() / 8) : hash;
    return session.sign(pivSlot, algorithm, input);
  }

  /**
   * {@inheritDoc}
   *
   * <p>GENERAL AUTHENTICATE with the block as challenge, as for an RSA signature: PIV cards apply
   * the raw private key in every slot, the key-management slot 9D included.
   *
   * @throws LoginRequiredException if the PIN is not verified
   * @throws UnsupportedKeyTypeException if the slot holds an EC key
   * @throws TokenException if the slot holds no key or its type is unknown (no key generated in
   *     this session and no certificate), or the card fails
   * @throws CardRemovedException if the card goes away
   */
  @Override
  public byte[] decipher(KeySlot slot, byte[] block) throws TokenException {
    if (!pinStatus().verified()) {
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
    return leftPad(session.sign(pivSlot, algorithm, block), size);
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
   * <p>PIV has no command reading a key's origin: the evidence is that this session generated the
   * key with GENERATE ASYMMETRIC KEY PAIR, a card that never exports private keys. Cards that offer
   * it can also attest the key (slot F9), which this token does not read yet.
   *
   * @throws TokenException if this session did not generate the slot's key
   */
  @Override
  public KeyEvidence keyEvidence(KeySlot slot) throws TokenException {
    if (!generated.containsKey(pivSlot(slot))) {
      throw new TokenException(
          "no evidence for slot " + pivSlot(slot) + ": its key was not generated in this session");
    }
    return new KeyEvidence(true, true, true, true, true, GENERATED_IN_SESSION);
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
    session.authenticateManagementKey(managementKey);
    session.writeCertificate(pivSlot(slot), certificate);
  }

  @Override
  public void close() {
    session.close();
  }
}
