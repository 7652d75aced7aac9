package fr.aed.station.token.piv;

import fr.aed.station.token.CardRemovedException;
import fr.aed.station.token.LoginRequiredException;
import fr.aed.station.token.ManagementKeyRefusedException;
import fr.aed.station.token.PinBlockedException;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.WrongPinException;
import fr.aed.station.token.apdu.ApduException;
import fr.aed.station.token.apdu.ApduTransport;
import fr.aed.station.token.apdu.CardGoneException;
import fr.aed.station.token.apdu.CommandApdu;
import fr.aed.station.token.apdu.ResponseApdu;
import fr.aed.station.token.apdu.StatusWord;
import fr.aed.station.token.apdu.Tlv;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * One session with the PIV application of a card (NIST SP 800-73-4, part 2): typed commands over an
 * {@link ApduTransport} that already follows {@code 61xx} (see {@code GetResponseTransport}).
 *
 * <p>Every method throws {@link CardRemovedException} if the card goes away, and {@link
 * TokenException} for any other refusal, with the card's status word in the message.
 */
public final class PivSession {

  /** The PIV application identifier. */
  public static final byte[] AID = {
    (byte) 0xA0, 0x00, 0x00, 0x03, 0x08, 0x00, 0x00, 0x10, 0x00, 0x01, 0x00
  };

  private static final int INS_SELECT = 0xA4;
  private static final int INS_VERIFY = 0x20;
  private static final int INS_CHANGE_REFERENCE_DATA = 0x24;
  private static final int INS_RESET_RETRY_COUNTER = 0x2C;
  private static final int INS_GENERATE_KEY_PAIR = 0x47;
  private static final int INS_GENERAL_AUTHENTICATE = 0x87;
  private static final int INS_GET_DATA = 0xCB;
  private static final int INS_PUT_DATA = 0xDB;
  private static final int INS_GET_METADATA = 0xF7;
  private static final int INS_GET_SERIAL = 0xF8;
  private static final int INS_ATTEST = 0xF9;
  private static final int INS_GET_VERSION = 0xFD;
  private static final int INS_SET_MANAGEMENT_KEY = 0xFF;

  private static final int TAG_DYNAMIC_AUTH = 0x7C;
  private static final int TAG_WITNESS = 0x80;
  private static final int TAG_CHALLENGE = 0x81;
  private static final int TAG_RESPONSE = 0x82;
  private static final int TAG_GENERATION_TEMPLATE = 0xAC;
  private static final int TAG_ALGORITHM = 0x80;
  private static final int TAG_PIN_POLICY = 0xAA;
  private static final int TAG_PUBLIC_KEY = 0x7F49;
  private static final int TAG_RSA_MODULUS = 0x81;
  private static final int TAG_RSA_EXPONENT = 0x82;
  private static final int TAG_EC_POINT = 0x86;
  private static final int TAG_TAG_LIST = 0x5C;
  private static final int TAG_DATA = 0x53;
  private static final int TAG_CERTIFICATE = 0x70;
  private static final int TAG_CERTIFICATE_INFO = 0x71;
  private static final int TAG_ERROR_DETECTION = 0xFE;
  private static final int TAG_GUID = 0x34;

  /** The tag of the Card Holder Unique Identifier object. */
  public static final int OBJECT_CHUID = 0x5FC102;

  private static final int PIN_REFERENCE = 0x80;
  private static final int PUK_REFERENCE = 0x81;
  private static final int MANAGEMENT_KEY_REFERENCE = 0x9B;

  /** Yubico's object holding the certificate of the attestation key (slot F9). */
  public static final int OBJECT_ATTESTATION = 0x5FFF01;

  private static final int PIN_MAX_LENGTH = 8;
  private static final int PIN_MIN_LENGTH = 6;

  private final ApduTransport transport;
  private final SecureRandom random = new SecureRandom();

  /**
   * Selects the PIV application.
   *
   * @throws TokenException if the card has no PIV application, or answers SELECT otherwise
   * @throws CardRemovedException if the card goes away
   */
  public PivSession(ApduTransport transport) throws TokenException {
    this.transport = transport;
    try {
      send(new CommandApdu(0x00, INS_SELECT, 0x04, 0x00, AID));
    } catch (ApduException e) {
      if (e.statusWord() == StatusWord.SW_FILE_NOT_FOUND) {
        throw new TokenException("no PIV application on this card", e);
      }
      throw refused("select the PIV application", e);
    }
  }

  /**
   * Verifies the PIN (6 to 8 characters, sent padded with FF to 8 bytes). The copy sent is wiped;
   * the caller wipes {@code pin}.
   *
   * @throws WrongPinException if the card refused the PIN, with the tries left
   * @throws PinBlockedException if no try is left, before or after this one
   * @throws TokenException if the PIN has not 6 to 8 characters, or the card fails otherwise
   */
  public void verifyPin(char[] pin) throws TokenException {
    if (pin.length < PIN_MIN_LENGTH || pin.length > PIN_MAX_LENGTH) {
      throw new TokenException("a PIN has 6 to 8 digits");
    }
    byte[] padded = new byte[PIN_MAX_LENGTH];
    try {
      Arrays.fill(padded, (byte) 0xFF);
      for (int i = 0; i < pin.length; i++) {
        padded[i] = (byte) pin[i];
      }
      send(new CommandApdu(0x00, INS_VERIFY, 0x00, PIN_REFERENCE, padded));
    } catch (ApduException e) {
      throw pinRefused(e);
    } finally {
      Arrays.fill(padded, (byte) 0);
    }
  }

  /**
   * Changes the PIN (CHANGE REFERENCE DATA); the caller wipes both arrays.
   *
   * @throws WrongPinException if the card refused the current PIN, with the tries left
   * @throws PinBlockedException if the PIN is blocked
   * @throws TokenException if a PIN has not 6 to 8 characters, or the card fails otherwise
   */
  public void changePin(char[] currentPin, char[] newPin) throws TokenException {
    changeReference(INS_CHANGE_REFERENCE_DATA, PIN_REFERENCE, currentPin, newPin);
  }

  /**
   * Unblocks the PIN with the PUK and sets a new PIN (RESET RETRY COUNTER); the caller wipes both.
   *
   * @throws WrongPinException if the card refused the PUK, with the PUK's tries left
   * @throws PinBlockedException if the PUK is blocked too
   * @throws TokenException if the PUK or the PIN has not 6 to 8 characters, or the card fails
   */
  public void unblockPin(char[] puk, char[] newPin) throws TokenException {
    changeReference(INS_RESET_RETRY_COUNTER, PIN_REFERENCE, puk, newPin);
  }

  private void changeReference(int ins, int reference, char[] proof, char[] newValue)
      throws TokenException {
    byte[] data = new byte[2 * PIN_MAX_LENGTH];
    try {
      pad(proof, data, 0);
      pad(newValue, data, PIN_MAX_LENGTH);
      send(new CommandApdu(0x00, ins, 0x00, reference, data));
    } catch (ApduException e) {
      throw pinRefused(e);
    } finally {
      Arrays.fill(data, (byte) 0);
    }
  }

  private static void pad(char[] value, byte[] data, int offset) throws TokenException {
    if (value.length < PIN_MIN_LENGTH || value.length > PIN_MAX_LENGTH) {
      throw new TokenException("a PIN or PUK has 6 to 8 digits");
    }
    Arrays.fill(data, offset, offset + PIN_MAX_LENGTH, (byte) 0xFF);
    for (int i = 0; i < value.length; i++) {
      data[offset + i] = (byte) value[i];
    }
  }

  /**
   * Asks whether the PIN is verified, without spending a try.
   *
   * @return -1 if the PIN is verified in this session, else the tries left (0 when blocked)
   * @throws TokenException if the card gives no PIN status
   */
  public int pinTriesLeft() throws TokenException {
    try {
      send(new CommandApdu(0x00, INS_VERIFY, 0x00, PIN_REFERENCE));
      return -1;
    } catch (ApduException e) {
      if (StatusWord.isVerifyFailed(e.statusWord())) {
        return e.statusWord() & 0x0F;
      }
      if (e.statusWord() == StatusWord.SW_AUTHENTICATION_BLOCKED) {
        return 0;
      }
      throw refused("read the PIN status", e);
    }
  }

  /**
   * Authenticates with the card's management key (key reference 9B), by mutual challenge, in the
   * key's algorithm (3DES or AES).
   *
   * @throws TokenException if the card refuses the key (or its algorithm), or fails otherwise
   */
  public void authenticateManagementKey(ManagementKey key) throws TokenException {
    ManagementKeyAlgorithm algorithm = key.algorithm();
    try {
      byte[] request = Tlv.encode(TAG_DYNAMIC_AUTH, Tlv.encode(TAG_WITNESS, new byte[0]));
      byte[] encryptedWitness =
          dynamicAuthenticationItem(generalAuthenticate(algorithm, request), TAG_WITNESS);
      if (encryptedWitness.length != algorithm.blockSize()) {
        throw new TokenException("the card's management key is not " + algorithm);
      }
      byte[] witness = cipher(key, Cipher.DECRYPT_MODE, encryptedWitness);
      byte[] challenge = new byte[algorithm.blockSize()];
      random.nextBytes(challenge);
      byte[] answer =
          Tlv.encode(
              TAG_DYNAMIC_AUTH,
              Tlv.concat(Tlv.encode(TAG_WITNESS, witness), Tlv.encode(TAG_CHALLENGE, challenge)));
      byte[] encryptedChallenge =
          dynamicAuthenticationItem(generalAuthenticate(algorithm, answer), TAG_RESPONSE);
      if (!Arrays.equals(cipher(key, Cipher.DECRYPT_MODE, encryptedChallenge), challenge)) {
        throw new ManagementKeyRefusedException("the card did not prove it holds the key");
      }
    } catch (ApduException e) {
      switch (e.statusWord()) {
        case StatusWord.SW_SECURITY_STATUS_NOT_SATISFIED:
          throw new ManagementKeyRefusedException("the card refused the management key");
        case StatusWord.SW_WRONG_DATA, StatusWord.SW_INCORRECT_P1P2:
          throw new ManagementKeyRefusedException(
              "the card's management key is not " + algorithm + " (" + e.getMessage() + ")");
        default:
          throw refused("authenticate with the management key", e);
      }
    }
  }

  private byte[] generalAuthenticate(ManagementKeyAlgorithm algorithm, byte[] data)
      throws TokenException, ApduException {
    return send(
        new CommandApdu(
            0x00, INS_GENERAL_AUTHENTICATE, algorithm.value(), MANAGEMENT_KEY_REFERENCE, data));
  }

  /**
   * Replaces the management key (YubiKey's SET MANAGEMENT KEY, {@code FF}). Needs the current
   * management key authenticated.
   *
   * @throws TokenException if the card has no such command, refuses the key, or fails
   */
  public void setManagementKey(ManagementKey key) throws TokenException {
    byte[] bytes = key.bytes();
    byte[] data = new byte[3 + bytes.length];
    try {
      data[0] = (byte) key.algorithm().value();
      data[1] = (byte) MANAGEMENT_KEY_REFERENCE;
      data[2] = (byte) bytes.length;
      System.arraycopy(bytes, 0, data, 3, bytes.length);
      send(new CommandApdu(0x00, INS_SET_MANAGEMENT_KEY, 0xFF, 0xFF, data));
    } catch (ApduException e) {
      throw refused("set the management key", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
      Arrays.fill(data, (byte) 0);
    }
  }

  /**
   * Generates a key pair in {@code slot}, replacing the key there. Needs the management key.
   *
   * @return the new public key
   * @throws TokenException if the management key is not authenticated, the card does not support
   *     the algorithm, or fails otherwise
   */
  public PublicKey generateKey(PivSlot slot, PivAlgorithm algorithm) throws TokenException {
    return generateKey(slot, algorithm, Optional.empty());
  }

  /**
   * Generates a key pair in {@code slot} with a PIN policy (YubiKey's tag {@code AA}; cards without
   * vendor extensions refuse it), replacing the key there. Needs the management key.
   *
   * @throws TokenException as {@link #generateKey(PivSlot, PivAlgorithm)}
   */
  public PublicKey generateKey(PivSlot slot, PivAlgorithm algorithm, Optional<PinPolicy> policy)
      throws TokenException {
    byte[] parameters = Tlv.encode(TAG_ALGORITHM, new byte[] {(byte) algorithm.value()});
    if (policy.isPresent()) {
      parameters =
          Tlv.concat(
              parameters, Tlv.encode(TAG_PIN_POLICY, new byte[] {(byte) policy.get().value()}));
    }
    byte[] template = Tlv.encode(TAG_GENERATION_TEMPLATE, parameters);
    try {
      byte[] answer =
          send(new CommandApdu(0x00, INS_GENERATE_KEY_PAIR, 0x00, slot.value(), template));
      return decodePublicKey(Tlv.valueOf(answer, TAG_PUBLIC_KEY), algorithm);
    } catch (ApduException e) {
      throw refused("generate a " + algorithm + " key in slot " + slot, e);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new TokenException("the card sent a malformed public key", e);
    }
  }

  /**
   * Decodes a public key's TLVs ({@code 81}/{@code 82} for RSA, {@code 86} for EC), as GENERATE
   * answers them inside {@code 7F49} and GET METADATA in its tag 04.
   */
  static PublicKey decodePublicKey(byte[] template, PivAlgorithm algorithm)
      throws GeneralSecurityException {
    if (algorithm.isRsa()) {
      BigInteger modulus = new BigInteger(1, Tlv.valueOf(template, TAG_RSA_MODULUS));
      BigInteger exponent = new BigInteger(1, Tlv.valueOf(template, TAG_RSA_EXPONENT));
      return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
    }
    byte[] point = Tlv.valueOf(template, TAG_EC_POINT);
    int size = (algorithm.bits() + 7) / 8;
    if (point.length != 1 + 2 * size || point[0] != 0x04) {
      throw new IllegalArgumentException("not an uncompressed point on " + algorithm.curve());
    }
    ECPoint w =
        new ECPoint(
            new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + size)),
            new BigInteger(1, Arrays.copyOfRange(point, 1 + size, point.length)));
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec(algorithm.curve()));
    ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
    return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, curve));
  }

  /**
   * Applies the private key of {@code slot} to {@code input}: raw RSA on a block the caller padded
   * to the modulus size, or ECDSA on a hash (the result is DER-encoded). Needs the PIN.
   *
   * @throws TokenException if the PIN is not verified, the slot holds no key of this algorithm, or
   *     the card fails otherwise
   */
  public byte[] sign(PivSlot slot, PivAlgorithm algorithm, byte[] input) throws TokenException {
    byte[] request =
        Tlv.encode(
            TAG_DYNAMIC_AUTH,
            Tlv.concat(Tlv.encode(TAG_RESPONSE, new byte[0]), Tlv.encode(TAG_CHALLENGE, input)));
    try {
      byte[] answer =
          send(
              new CommandApdu(
                  0x00, INS_GENERAL_AUTHENTICATE, algorithm.value(), slot.value(), request));
      return dynamicAuthenticationItem(answer, TAG_RESPONSE);
    } catch (ApduException e) {
      switch (e.statusWord()) {
        case StatusWord.SW_SECURITY_STATUS_NOT_SATISFIED:
          throw new LoginRequiredException(
              "the card wants the PIN verified right before using slot " + slot);
        case StatusWord.SW_REFERENCED_DATA_NOT_FOUND:
          throw new TokenException("slot " + slot + " holds no key", e);
        default:
          throw refused("sign with slot " + slot, e);
      }
    }
  }

  private static byte[] dynamicAuthenticationItem(byte[] answer, int tag) throws TokenException {
    try {
      return Tlv.valueOf(Tlv.valueOf(answer, TAG_DYNAMIC_AUTH), tag);
    } catch (IllegalArgumentException e) {
      throw new TokenException("the card sent a malformed GENERAL AUTHENTICATE answer", e);
    }
  }

  /**
   * Reads a data object, such as {@link #OBJECT_CHUID}.
   *
   * @return the object's content (inside its {@code 53} wrapper), or empty if the card has none
   * @throws TokenException if the card refuses or sends a malformed answer
   */
  public Optional<byte[]> getObject(int tag) throws TokenException {
    try {
      byte[] answer =
          send(
              new CommandApdu(
                  0x00, INS_GET_DATA, 0x3F, 0xFF, Tlv.encode(TAG_TAG_LIST, tagBytes(tag))));
      return Optional.of(Tlv.valueOf(answer, TAG_DATA));
    } catch (ApduException e) {
      if (e.statusWord() == StatusWord.SW_FILE_NOT_FOUND) {
        return Optional.empty();
      }
      throw refused("read object " + Integer.toHexString(tag), e);
    } catch (IllegalArgumentException e) {
      throw new TokenException("the card sent a malformed data object", e);
    }
  }

  /**
   * Writes a data object, chaining commands when it is long. Needs the management key.
   *
   * @throws TokenException if the management key is not authenticated, the object does not fit, or
   *     the card fails otherwise
   */
  public void putObject(int tag, byte[] content) throws TokenException {
    byte[] data =
        Tlv.concat(Tlv.encode(TAG_TAG_LIST, tagBytes(tag)), Tlv.encode(TAG_DATA, content));
    try {
      send(new CommandApdu(0x00, INS_PUT_DATA, 0x3F, 0xFF, data));
    } catch (ApduException e) {
      if (e.statusWord() == StatusWord.SW_SECURITY_STATUS_NOT_SATISFIED) {
        throw new TokenException("authenticate the management key before writing objects", e);
      }
      throw refused("write object " + Integer.toHexString(tag), e);
    }
  }

  /**
   * Reads the certificate stored for {@code slot}.
   *
   * @return the certificate, or empty if the slot's container is absent or empty
   * @throws TokenException if the card fails, or the container holds no valid certificate
   */
  public Optional<X509Certificate> readCertificate(PivSlot slot) throws TokenException {
    Optional<byte[]> container = getObject(slot.certificateObject());
    if (container.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<Tlv> der = Tlv.find(container.get(), TAG_CERTIFICATE);
      if (der.isEmpty() || der.get().value().length == 0) {
        return Optional.empty();
      }
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return Optional.of(
          (X509Certificate)
              factory.generateCertificate(new ByteArrayInputStream(der.get().value())));
    } catch (IllegalArgumentException | CertificateException e) {
      throw new TokenException("the certificate container of slot " + slot + " is corrupt", e);
    }
  }

  /**
   * Stores {@code certificate} in the container of {@code slot}, uncompressed. Needs the management
   * key.
   *
   * @throws TokenException if the management key is not authenticated or the card refuses
   */
  public void writeCertificate(PivSlot slot, X509Certificate certificate) throws TokenException {
    byte[] der;
    try {
      der = certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new TokenException("the certificate cannot be encoded", e);
    }
    byte[] container =
        Tlv.concat(
            Tlv.encode(TAG_CERTIFICATE, der),
            Tlv.encode(TAG_CERTIFICATE_INFO, new byte[] {0}),
            Tlv.encode(TAG_ERROR_DETECTION, new byte[0]));
    putObject(slot.certificateObject(), container);
  }

  /**
   * Reads the Card Holder Unique Identifier object.
   *
   * @throws TokenException if the card has none, or fails
   */
  public byte[] readChuid() throws TokenException {
    return getObject(OBJECT_CHUID)
        .orElseThrow(() -> new TokenException("the card has no CHUID object"));
  }

  /**
   * The card's GUID, from the CHUID (tag 34).
   *
   * @throws TokenException if the card has no CHUID or its CHUID has no GUID
   */
  public byte[] readGuid() throws TokenException {
    try {
      return Tlv.valueOf(readChuid(), TAG_GUID);
    } catch (IllegalArgumentException e) {
      throw new TokenException("the card's CHUID has no GUID", e);
    }
  }

  /**
   * The firmware version (YubiKey's GET VERSION).
   *
   * @return empty when the card has no such command (a PIV card without vendor extensions)
   * @throws TokenException if the card fails otherwise or answers malformed
   */
  public Optional<CardVersion> version() throws TokenException {
    Optional<byte[]> answer = vendorCommand(INS_GET_VERSION, 0x00, "read the version");
    if (answer.isEmpty()) {
      return Optional.empty();
    }
    byte[] version = answer.get();
    if (version.length != 3) {
      throw new TokenException("the card sent a malformed version");
    }
    return Optional.of(new CardVersion(version[0] & 0xFF, version[1] & 0xFF, version[2] & 0xFF));
  }

  /**
   * The card's serial number (YubiKey's GET SERIAL).
   *
   * @return empty when the card has no such command
   * @throws TokenException if the card fails otherwise or answers malformed
   */
  public Optional<Long> serial() throws TokenException {
    Optional<byte[]> answer = vendorCommand(INS_GET_SERIAL, 0x00, "read the serial number");
    if (answer.isEmpty()) {
      return Optional.empty();
    }
    if (answer.get().length != 4) {
      throw new TokenException("the card sent a malformed serial number");
    }
    return Optional.of(new BigInteger(1, answer.get()).longValue());
  }

  /**
   * What the card says of the key in {@code slot} (YubiKey's GET METADATA).
   *
   * @return empty when the card has no such command or the slot holds no key
   * @throws TokenException if the card fails otherwise or answers malformed
   */
  public Optional<PivMetadata.Slot> slotMetadata(PivSlot slot) throws TokenException {
    return decoded(metadata(slot.value()), PivMetadata::slot);
  }

  /**
   * What the card says of its management key (YubiKey's GET METADATA on 9B).
   *
   * @return empty when the card has no such command
   * @throws TokenException if the card fails otherwise or answers malformed
   */
  public Optional<PivMetadata.ManagementKeyInfo> managementKeyMetadata() throws TokenException {
    return decoded(metadata(MANAGEMENT_KEY_REFERENCE), PivMetadata::managementKey);
  }

  /**
   * What the card says of its PIN (YubiKey's GET METADATA on 80): still the factory one, tries.
   *
   * @return empty when the card has no such command
   * @throws TokenException if the card fails otherwise or answers malformed
   */
  public Optional<PivMetadata.Reference> pinMetadata() throws TokenException {
    return decoded(metadata(PIN_REFERENCE), PivMetadata::reference);
  }

  private static <T> Optional<T> decoded(Optional<byte[]> answer, Function<byte[], T> decoder)
      throws TokenException {
    try {
      return answer.map(decoder);
    } catch (IllegalArgumentException e) {
      throw new TokenException("the card sent malformed metadata: " + e.getMessage(), e);
    }
  }

  private Optional<byte[]> metadata(int reference) throws TokenException {
    try {
      return Optional.of(send(new CommandApdu(0x00, INS_GET_METADATA, 0x00, reference)));
    } catch (ApduException e) {
      if (isUnsupported(e) || e.statusWord() == StatusWord.SW_REFERENCED_DATA_NOT_FOUND) {
        return Optional.empty();
      }
      throw refused("read the metadata of " + Integer.toHexString(reference), e);
    }
  }

  /**
   * Yubico's attestation of the key in {@code slot}: a certificate for its public key, signed by
   * the card's attestation key (slot F9), which the card gives only for a key it generated.
   *
   * @return empty when the card has no attestation command
   * @throws TokenException if the card refuses (an imported key, an empty slot) or answers
   *     something that is not a certificate
   */
  public Optional<X509Certificate> attest(PivSlot slot) throws TokenException {
    Optional<byte[]> answer =
        vendorCommand(INS_ATTEST, slot.value(), "attest the key of slot " + slot);
    return answer.isEmpty()
        ? Optional.empty()
        : Optional.of(certificate(answer.get(), "attestation"));
  }

  /**
   * The certificate of the card's attestation key (Yubico's object {@code 5FFF01}).
   *
   * @return empty when the card has none
   * @throws TokenException if the object is not a certificate container
   */
  public Optional<X509Certificate> attestationCertificate() throws TokenException {
    Optional<byte[]> container = getObject(OBJECT_ATTESTATION);
    if (container.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          certificate(Tlv.valueOf(container.get(), TAG_CERTIFICATE), "attestation key"));
    } catch (IllegalArgumentException e) {
      throw new TokenException("the card's attestation key certificate is corrupt", e);
    }
  }

  private static X509Certificate certificate(byte[] der, String what) throws TokenException {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new TokenException("the card sent a malformed " + what + " certificate", e);
    }
  }

  // A vendor command a card may not have: 6D00 (no such instruction), 6E00 or 6A81 mean absent.
  private Optional<byte[]> vendorCommand(int ins, int p1, String action) throws TokenException {
    try {
      return Optional.of(send(new CommandApdu(0x00, ins, p1, 0x00)));
    } catch (ApduException e) {
      if (isUnsupported(e)) {
        return Optional.empty();
      }
      throw refused(action, e);
    }
  }

  private static boolean isUnsupported(ApduException e) {
    int sw = e.statusWord();
    return sw == StatusWord.SW_INS_NOT_SUPPORTED
        || sw == StatusWord.SW_CLA_NOT_SUPPORTED
        || sw == StatusWord.SW_FUNCTION_NOT_SUPPORTED;
  }

  /** Ends the session; never throws. */
  public void close() {
    transport.close();
  }

  private byte[] send(CommandApdu command) throws TokenException, ApduException {
    try {
      ResponseApdu response = null;
      for (CommandApdu part : command.chain()) {
        response = ResponseApdu.parse(transport.transmit(part.bytes()));
        if (part.cla() != command.cla()) {
          response.requireSuccess();
        }
      }
      return response.requireSuccess();
    } catch (CardGoneException e) {
      throw new CardRemovedException("the card was removed", e);
    } catch (IOException e) {
      throw new TokenException("communication with the card failed: " + e.getMessage(), e);
    }
  }

  private static TokenException pinRefused(ApduException e) {
    int sw = e.statusWord();
    // 63C0: the try just spent was the last one (SP 800-73-4, part 2, 3.2.1).
    if (sw == StatusWord.SW_AUTHENTICATION_BLOCKED || sw == StatusWord.SW_VERIFY_FAILED) {
      return new PinBlockedException();
    }
    if (StatusWord.isVerifyFailed(sw)) {
      return new WrongPinException(sw & 0x0F);
    }
    return refused("verify the PIN", e);
  }

  private static TokenException refused(String action, ApduException e) {
    return new TokenException("the card refused to " + action + ": " + e.getMessage(), e);
  }

  private static byte[] tagBytes(int tag) {
    byte[] encoded = Tlv.encode(tag, new byte[0]);
    return Arrays.copyOf(encoded, encoded.length - 1);
  }

  private static byte[] cipher(ManagementKey key, int mode, byte[] block) throws TokenException {
    byte[] bytes = key.bytes();
    try {
      String name = key.algorithm().cipher();
      Cipher cipher = Cipher.getInstance(name + "/ECB/NoPadding");
      cipher.init(mode, new SecretKeySpec(bytes, name));
      return cipher.doFinal(block);
    } catch (GeneralSecurityException e) {
      throw new TokenException(key.algorithm() + " is unavailable in this JVM", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
