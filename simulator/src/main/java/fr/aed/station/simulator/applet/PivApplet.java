package fr.aed.station.simulator.applet;

import javacard.framework.APDU;
import javacard.framework.Applet;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.OwnerPIN;
import javacard.framework.Util;
import javacard.security.CryptoException;
import javacard.security.ECKey;
import javacard.security.ECPublicKey;
import javacard.security.KeyBuilder;
import javacard.security.KeyPair;
import javacard.security.PrivateKey;
import javacard.security.RSAPublicKey;
import javacard.security.RandomData;
import javacard.security.Signature;
import javacardx.crypto.Cipher;

/**
 * The PIV card application (NIST SP 800-73-4, part 2): SELECT, VERIFY, CHANGE REFERENCE DATA, RESET
 * RETRY COUNTER, GENERAL AUTHENTICATE (management key 9B and signing), GENERATE ASYMMETRIC KEY
 * PAIR, GET DATA, PUT DATA with command chaining and GET RESPONSE; and, on the YubiKey {@link
 * Profile profiles}, the vendor extensions PIV tools rely on, as YubiKeys answer them: GET METADATA
 * (F7), GET SERIAL (F8), ATTEST (F9, certificates signed by the attestation key in slot F9), GET
 * VERSION (FD), SET MANAGEMENT KEY (FF), and the PIN and touch policies of GENERATE.
 *
 * <p>Each key is used under its PIN policy (SP 800-73-4 part 1, table 4b): PIN "once" per
 * selection, "always" right before each use, or "never". The profile, in the install parameters'
 * application data, says which real card the applet is as strict as.
 *
 * <p>Written in the Java Card language subset (short arithmetic, no strings, everything allocated
 * at install) so that it could be converted for a real card.
 */
public final class PivApplet extends Applet {

  /** The full PIV application identifier; the 5-byte prefix A0 00 00 03 08 also selects it. */
  public static final byte[] AID = {
    (byte) 0xA0, 0x00, 0x00, 0x03, 0x08, 0x00, 0x00, 0x10, 0x00, 0x01, 0x00
  };

  private static final byte INS_VERIFY = (byte) 0x20;
  private static final byte INS_CHANGE_REFERENCE_DATA = (byte) 0x24;
  private static final byte INS_RESET_RETRY_COUNTER = (byte) 0x2C;
  private static final byte INS_GENERATE_KEY_PAIR = (byte) 0x47;
  private static final byte INS_GENERAL_AUTHENTICATE = (byte) 0x87;
  private static final byte INS_GET_RESPONSE = (byte) 0xC0;
  private static final byte INS_GET_DATA = (byte) 0xCB;
  private static final byte INS_PUT_DATA = (byte) 0xDB;
  private static final byte INS_GET_METADATA = (byte) 0xF7;
  private static final byte INS_GET_SERIAL = (byte) 0xF8;
  private static final byte INS_ATTEST = (byte) 0xF9;
  private static final byte INS_GET_VERSION = (byte) 0xFD;
  private static final byte INS_SET_MANAGEMENT_KEY = (byte) 0xFF;

  private static final byte CLA_CHAINING = (byte) 0x10;

  static final byte ALG_RSA_2048 = (byte) 0x07;
  static final byte ALG_RSA_3072 = (byte) 0x05;
  static final byte ALG_EC_P256 = (byte) 0x11;
  static final byte ALG_EC_P384 = (byte) 0x14;

  private static final byte KEY_REF_PIN = (byte) 0x80;
  private static final byte KEY_REF_PUK = (byte) 0x81;
  private static final byte KEY_REF_MANAGEMENT = (byte) 0x9B;
  private static final byte KEY_REF_ATTESTATION = (byte) 0xF9;
  // YubiKeys' retired key slots, empty on this card.
  private static final byte KEY_REF_RETIRED_FIRST = (byte) 0x82;
  private static final byte KEY_REF_RETIRED_LAST = (byte) 0x95;

  private static final byte TAG_DYNAMIC_AUTH = (byte) 0x7C;
  private static final byte TAG_WITNESS = (byte) 0x80;
  private static final byte TAG_CHALLENGE = (byte) 0x81;
  private static final byte TAG_RESPONSE = (byte) 0x82;
  private static final byte TAG_KEY_TEMPLATE = (byte) 0xAC;
  private static final byte TAG_ALGORITHM = (byte) 0x80;
  private static final byte TAG_PIN_POLICY = (byte) 0xAA;
  private static final byte TAG_TOUCH_POLICY = (byte) 0xAB;
  private static final byte TAG_TAG_LIST = (byte) 0x5C;
  private static final byte TAG_DATA = (byte) 0x53;
  private static final byte TAG_PUBLIC_KEY_FIRST = (byte) 0x7F;
  private static final byte TAG_PUBLIC_KEY_SECOND = (byte) 0x49;
  private static final byte TAG_DISCOVERY = (byte) 0x7E;

  private static final short SW_PIN_BLOCKED = (short) 0x6983;
  private static final short SW_REFERENCED_DATA_NOT_FOUND = (short) 0x6A88;
  private static final short SW_TRIES_LEFT_BASE = (short) 0x63C0;

  static final byte PIN_TRIES = 3;
  static final byte PIN_SIZE = 8;
  private static final short AES_BLOCK = 16;
  static final short SERIAL_SIZE = 4;

  static final short OBJECT_CAPACITY = 3072;
  private static final short COMMAND_CAPACITY = 3200;
  // Room in front of a value for at most two tags and two 3-byte lengths, written afterwards.
  private static final short HEADER_ROOM = 8;
  // Room in front of a key's public key in GET METADATA: tags 01, 02, 03 and the 04 header.
  private static final short METADATA_ROOM = 16;
  private static final short RESPONSE_CAPACITY = (short) (OBJECT_CAPACITY + HEADER_ROOM + 64);
  private static final short SHORT_RESPONSE_MAX = 256;
  // Half an RSA-3072 modulus, the longest key component KeyMaterial.normalize rewrites.
  private static final short SCRATCH_SIZE = 192;

  private static final byte[] DEFAULT_PIN = {
    0x31, 0x32, 0x33, 0x34, 0x35, 0x36, (byte) 0xFF, (byte) 0xFF
  };
  private static final byte[] DEFAULT_PUK = {0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38};

  // Key references of the slots, in the order of the key store.
  static final byte[] SLOT_REFERENCES = {(byte) 0x9A, (byte) 0x9C, (byte) 0x9D, (byte) 0x9E};
  static final byte[] ALGORITHMS = {ALG_RSA_2048, ALG_RSA_3072, ALG_EC_P256, ALG_EC_P384};

  // Offsets in the transient state array.
  private static final short STATE_COMMAND_LENGTH = 0;
  private static final short STATE_CHAIN_INS = 1;
  private static final short STATE_RESPONSE_OFFSET = 2;
  private static final short STATE_RESPONSE_REMAINING = 3;
  private static final short STATE_TLV_LENGTH = 4;
  private static final short STATE_SIZE = 5;

  // Offsets in the transient flag array.
  private static final short FLAG_MANAGEMENT_AUTHENTICATED = 0;
  private static final short FLAG_WITNESS_PENDING = 1;
  // The last command was a successful VERIFY of the PIN with data.
  private static final short FLAG_PIN_JUST_VERIFIED = 2;
  // The command being processed came right after such a VERIFY: a "PIN always" key may sign.
  private static final short FLAG_PIN_ALWAYS_SATISFIED = 3;
  private static final short FLAG_SIZE = 4;

  // The persistent state, package-private for PivCardState, which saves and restores it for the
  // simulator outside any APDU.
  final byte profile;
  final OwnerPIN pin;
  final OwnerPIN puk;
  // OwnerPIN never reveals its value: these copies exist only so that the simulator can save the
  // card. A real card would not keep them (a PIN in clear in EEPROM); this one is a test card.
  final byte[] pinValue;
  final byte[] pukValue;
  final ManagementKey managementKey;
  final KeyPair attestationKey;
  final byte[] serial;
  final KeyPair[] keyPairs;
  // Per slot: the algorithm (0 for an empty slot), the PIN and touch policies and the origin.
  final byte[] slotAlgorithms;
  final byte[] slotPinPolicies;
  final byte[] slotTouchPolicies;
  final byte[] slotOrigins;
  final Object[] objects;
  final short[] objectLengths;
  // Counts the commands that may have changed the persistent state (even when refused: a wrong
  // PIN costs a try), so that the simulator saves the state after them and only after them.
  short stateChanges;

  private final byte[] scratch;
  private final Cipher rsaCipher;
  private final Signature ecdsa;
  private final RandomData random;
  private final Attestation attestation;
  private final byte[] command;
  private final byte[] response;
  private final byte[] witness;
  private final short[] state;
  private final boolean[] flags;

  private PivApplet(byte profile) {
    this.profile = profile;
    pin = new OwnerPIN(PIN_TRIES, PIN_SIZE);
    pin.update(DEFAULT_PIN, (short) 0, PIN_SIZE);
    pinValue = new byte[PIN_SIZE];
    Util.arrayCopy(DEFAULT_PIN, (short) 0, pinValue, (short) 0, PIN_SIZE);
    puk = new OwnerPIN(PIN_TRIES, PIN_SIZE);
    puk.update(DEFAULT_PUK, (short) 0, PIN_SIZE);
    pukValue = new byte[PIN_SIZE];
    Util.arrayCopy(DEFAULT_PUK, (short) 0, pukValue, (short) 0, PIN_SIZE);
    managementKey = new ManagementKey(Profile.defaultManagementAlgorithm(profile));
    rsaCipher = Cipher.getInstance(Cipher.ALG_RSA_NOPAD, false);
    ecdsa = Signature.getInstance(Signature.ALG_ECDSA_SHA_256, false);
    random = RandomData.getInstance(RandomData.ALG_SECURE_RANDOM);

    keyPairs = new KeyPair[(short) (SLOT_REFERENCES.length * ALGORITHMS.length)];
    for (short slot = 0; slot < SLOT_REFERENCES.length; slot++) {
      short base = (short) (slot * ALGORITHMS.length);
      keyPairs[base] = rsaKeyPair((short) 2048);
      keyPairs[(short) (base + 1)] = rsaKeyPair((short) 3072);
      keyPairs[(short) (base + 2)] = p256KeyPair();
      keyPairs[(short) (base + 3)] =
          ecKeyPair(
              NistCurves.P384_P,
              NistCurves.P384_A,
              NistCurves.P384_B,
              NistCurves.P384_GX,
              NistCurves.P384_GY,
              NistCurves.P384_N);
    }
    slotAlgorithms = new byte[SLOT_REFERENCES.length];
    slotPinPolicies = new byte[SLOT_REFERENCES.length];
    slotTouchPolicies = new byte[SLOT_REFERENCES.length];
    slotOrigins = new byte[SLOT_REFERENCES.length];

    objects = new Object[DataObjects.COUNT];
    objectLengths = new short[DataObjects.COUNT];
    for (short i = 0; i < DataObjects.COUNT; i++) {
      objects[i] = new byte[OBJECT_CAPACITY];
    }
    command = new byte[COMMAND_CAPACITY];
    response = new byte[RESPONSE_CAPACITY];
    witness = JCSystem.makeTransientByteArray(AES_BLOCK, JCSystem.CLEAR_ON_DESELECT);
    state = JCSystem.makeTransientShortArray(STATE_SIZE, JCSystem.CLEAR_ON_DESELECT);
    flags = JCSystem.makeTransientBooleanArray(FLAG_SIZE, JCSystem.CLEAR_ON_DESELECT);
    scratch = JCSystem.makeTransientByteArray(SCRATCH_SIZE, JCSystem.CLEAR_ON_DESELECT);
    serial = new byte[SERIAL_SIZE];
    random.generateData(serial, (short) 0, SERIAL_SIZE);
    // A positive serial that a 32-bit signed reader prints as the card does, never zero.
    serial[0] = (byte) ((serial[0] & 0x3F) | 0x01);
    if (Profile.shipsChuidAndCcc(profile)) {
      short chuid = DataObjects.CHUID;
      objectLengths[chuid] = IdentifierObjects.writeChuid((byte[]) objects[chuid], random);
      short ccc = DataObjects.CCC;
      objectLengths[ccc] = IdentifierObjects.writeCcc((byte[]) objects[ccc], random);
    }
    attestationKey = p256KeyPair();
    attestationKey.genKeyPair();
    attestation = new Attestation(attestationKey, ecdsa, random, scratch);
    if (Profile.hasYubicoExtensions(profile)) {
      short index = DataObjects.ATTESTATION;
      objectLengths[index] = attestation.writeOwnCertificate(response, (byte[]) objects[index]);
    }
  }

  /**
   * Installs the applet; called by the card's installer with the GlobalPlatform install parameters,
   * whose application data's first byte is the {@link Profile} (none: the default).
   */
  public static void install(byte[] parameters, short offset, byte length) {
    new PivApplet(Profile.fromInstallParameters(parameters, offset, length)).register();
  }

  static KeyPair rsaKeyPair(short bits) {
    return new KeyPair(
        (RSAPublicKey) KeyBuilder.buildKey(KeyBuilder.TYPE_RSA_PUBLIC, bits, false),
        (PrivateKey) KeyBuilder.buildKey(KeyBuilder.TYPE_RSA_CRT_PRIVATE, bits, false));
  }

  private static KeyPair p256KeyPair() {
    return ecKeyPair(
        NistCurves.P256_P,
        NistCurves.P256_A,
        NistCurves.P256_B,
        NistCurves.P256_GX,
        NistCurves.P256_GY,
        NistCurves.P256_N);
  }

  private static KeyPair ecKeyPair(byte[] p, byte[] a, byte[] b, byte[] gx, byte[] gy, byte[] n) {
    short bits = (short) (p.length * 8);
    ECPublicKey publicKey =
        (ECPublicKey) KeyBuilder.buildKey(KeyBuilder.TYPE_EC_FP_PUBLIC, bits, false);
    ECKey privateKey = (ECKey) KeyBuilder.buildKey(KeyBuilder.TYPE_EC_FP_PRIVATE, bits, false);
    byte[] generator = new byte[(short) (1 + gx.length + gy.length)];
    generator[0] = 0x04;
    Util.arrayCopy(gx, (short) 0, generator, (short) 1, (short) gx.length);
    Util.arrayCopy(gy, (short) 0, generator, (short) (1 + gx.length), (short) gy.length);
    setCurve(publicKey, p, a, b, generator, n);
    setCurve(privateKey, p, a, b, generator, n);
    return new KeyPair(publicKey, (PrivateKey) privateKey);
  }

  private static void setCurve(ECKey key, byte[] p, byte[] a, byte[] b, byte[] g, byte[] n) {
    key.setFieldFP(p, (short) 0, (short) p.length);
    key.setA(a, (short) 0, (short) a.length);
    key.setB(b, (short) 0, (short) b.length);
    key.setG(g, (short) 0, (short) g.length);
    key.setR(n, (short) 0, (short) n.length);
    key.setK((short) 1);
  }

  @Override
  public boolean select() {
    pin.reset();
    return true;
  }

  @Override
  public void deselect() {
    pin.reset();
    puk.reset();
  }

  @Override
  public void process(APDU apdu) {
    byte[] buffer = apdu.getBuffer();
    if (selectingApplet()) {
      flags[FLAG_PIN_JUST_VERIFIED] = false;
      Util.arrayCopyNonAtomic(
          IdentifierObjects.APPLICATION_TEMPLATE,
          (short) 0,
          response,
          (short) 0,
          (short) IdentifierObjects.APPLICATION_TEMPLATE.length);
      sendResponse(apdu, (short) 0, (short) IdentifierObjects.APPLICATION_TEMPLATE.length);
      return;
    }
    byte cla = buffer[ISO7816.OFFSET_CLA];
    byte ins = buffer[ISO7816.OFFSET_INS];
    boolean claValid = (byte) (cla & ~CLA_CHAINING) == 0;
    if (claValid && ins == INS_GET_RESPONSE) {
      sendNextChunk(apdu);
      return;
    }
    startCommand(ins);
    if (!claValid) {
      ISOException.throwIt(ISO7816.SW_CLA_NOT_SUPPORTED);
    }
    state[STATE_RESPONSE_REMAINING] = 0;
    receiveCommandData(apdu, ins);
    if ((cla & CLA_CHAINING) != 0) {
      return;
    }
    short length = state[STATE_COMMAND_LENGTH];
    state[STATE_COMMAND_LENGTH] = 0;
    state[STATE_CHAIN_INS] = 0;
    try {
      dispatch(apdu, ins, length);
    } catch (ArrayIndexOutOfBoundsException malformed) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    } catch (CryptoException refused) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
  }

  // Every APDU but GET RESPONSE and the continuation of a command chain starts a new command: a
  // "PIN Always" key (SP 800-73-4 part 1, table 4b: the digital signature key) may only be used
  // by the command that immediately follows a successful VERIFY.
  private void startCommand(byte ins) {
    if (state[STATE_CHAIN_INS] == chainInstruction(ins)) {
      return;
    }
    flags[FLAG_PIN_ALWAYS_SATISFIED] = flags[FLAG_PIN_JUST_VERIFIED];
    flags[FLAG_PIN_JUST_VERIFIED] = false;
  }

  private static short chainInstruction(byte ins) {
    return (short) ((ins & 0xFF) | 0x100);
  }

  private void dispatch(APDU apdu, byte ins, short length) {
    switch (ins) {
      case INS_VERIFY:
        verify(apdu, length);
        break;
      case INS_CHANGE_REFERENCE_DATA:
        changeReferenceData(apdu, length);
        break;
      case INS_RESET_RETRY_COUNTER:
        resetRetryCounter(apdu, length);
        break;
      case INS_GENERAL_AUTHENTICATE:
        generalAuthenticate(apdu, length);
        break;
      case INS_GENERATE_KEY_PAIR:
        generateKeyPair(apdu, length);
        break;
      case INS_GET_DATA:
        getData(apdu, length);
        break;
      case INS_PUT_DATA:
        putData(apdu, length);
        break;
      default:
        dispatchYubico(apdu, ins, length);
    }
  }

  // Yubico's extensions; a card without them does not know these instructions.
  private void dispatchYubico(APDU apdu, byte ins, short length) {
    if (!Profile.hasYubicoExtensions(profile)) {
      ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
    }
    switch (ins) {
      case INS_GET_METADATA:
        getMetadata(apdu);
        break;
      case INS_GET_SERIAL:
        sendBytes(apdu, serial, SERIAL_SIZE);
        break;
      case INS_ATTEST:
        attest(apdu);
        break;
      case INS_GET_VERSION:
        byte[] version = Profile.version(profile);
        sendBytes(apdu, version, (short) version.length);
        break;
      case INS_SET_MANAGEMENT_KEY:
        setManagementKey(apdu, length);
        break;
      default:
        ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
    }
  }

  // Appends the command data to the command buffer: a chain (CLA 10) goes on while the INS stays.
  private void receiveCommandData(APDU apdu, byte ins) {
    short chainIns = chainInstruction(ins);
    if (state[STATE_CHAIN_INS] != chainIns) {
      state[STATE_COMMAND_LENGTH] = 0;
    }
    state[STATE_CHAIN_INS] = chainIns;
    byte[] buffer = apdu.getBuffer();
    short total = state[STATE_COMMAND_LENGTH];
    short received = apdu.setIncomingAndReceive();
    short offset = apdu.getOffsetCdata();
    while (received > 0) {
      if ((short) (total + received) > COMMAND_CAPACITY || (short) (total + received) < 0) {
        state[STATE_COMMAND_LENGTH] = 0;
        state[STATE_CHAIN_INS] = 0;
        ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
      }
      Util.arrayCopyNonAtomic(buffer, offset, command, total, received);
      total += received;
      received = apdu.receiveBytes(offset);
    }
    state[STATE_COMMAND_LENGTH] = total;
  }

  private void verify(APDU apdu, short length) {
    byte[] buffer = apdu.getBuffer();
    byte p1 = buffer[ISO7816.OFFSET_P1];
    if ((p1 != 0 && p1 != (byte) 0xFF) || buffer[ISO7816.OFFSET_P2] != KEY_REF_PIN) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    // P1 FF without data resets the PIN's security status (SP 800-73-4 part 2, 3.2.1).
    if (p1 == (byte) 0xFF) {
      if (length != 0) {
        ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
      }
      pin.reset();
      return;
    }
    if (length == 0) {
      if (!pin.isValidated()) {
        throwTriesLeft(pin);
      }
      return;
    }
    if (length != PIN_SIZE) {
      ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
    }
    stateChanges++;
    checkReference(pin, (short) 0);
    flags[FLAG_PIN_JUST_VERIFIED] = true;
  }

  private static void throwTriesLeft(OwnerPIN reference) {
    byte tries = reference.getTriesRemaining();
    ISOException.throwIt(tries == 0 ? SW_PIN_BLOCKED : (short) (SW_TRIES_LEFT_BASE | tries));
  }

  // Old and new value, 8 bytes each, for the PIN (80) or the PUK (81).
  private void changeReferenceData(APDU apdu, short length) {
    byte[] buffer = apdu.getBuffer();
    byte reference = buffer[ISO7816.OFFSET_P2];
    if (buffer[ISO7816.OFFSET_P1] != 0 || (reference != KEY_REF_PIN && reference != KEY_REF_PUK)) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    if (length != (short) (2 * PIN_SIZE)) {
      ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
    }
    OwnerPIN target = reference == KEY_REF_PIN ? pin : puk;
    stateChanges++;
    checkReference(target, (short) 0);
    target.update(command, PIN_SIZE, PIN_SIZE);
    Util.arrayCopy(
        command, PIN_SIZE, reference == KEY_REF_PIN ? pinValue : pukValue, (short) 0, PIN_SIZE);
    if (reference == KEY_REF_PIN) {
      // Changing the PIN proves the holder knows it: the session stays verified, as on YubiKeys.
      pin.check(command, PIN_SIZE, PIN_SIZE);
    }
  }

  // The PUK then a new PIN, 8 bytes each: unblocks the PIN (P2 80 only).
  private void resetRetryCounter(APDU apdu, short length) {
    byte[] buffer = apdu.getBuffer();
    if (buffer[ISO7816.OFFSET_P1] != 0 || buffer[ISO7816.OFFSET_P2] != KEY_REF_PIN) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    if (length != (short) (2 * PIN_SIZE)) {
      ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
    }
    stateChanges++;
    checkReference(puk, (short) 0);
    pin.update(command, PIN_SIZE, PIN_SIZE);
    Util.arrayCopy(command, PIN_SIZE, pinValue, (short) 0, PIN_SIZE);
  }

  // 6983 when blocked before, 63Cx when the value at offset in the command is wrong (63C0 for
  // the try that blocks it).
  private void checkReference(OwnerPIN reference, short offset) {
    if (reference.getTriesRemaining() == 0) {
      ISOException.throwIt(SW_PIN_BLOCKED);
    }
    if (!reference.check(command, offset, PIN_SIZE)) {
      ISOException.throwIt((short) (SW_TRIES_LEFT_BASE | reference.getTriesRemaining()));
    }
  }

  // Yubico's SET MANAGEMENT KEY: P1 FF, P2 FF (or FE: touch required, kept but not enforced),
  // data = algorithm, 9B, key length, key.
  private void setManagementKey(APDU apdu, short length) {
    byte[] buffer = apdu.getBuffer();
    byte p2 = buffer[ISO7816.OFFSET_P2];
    if (buffer[ISO7816.OFFSET_P1] != (byte) 0xFF || (p2 != (byte) 0xFF && p2 != (byte) 0xFE)) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    if (!flags[FLAG_MANAGEMENT_AUTHENTICATED]) {
      ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
    }
    if (length < 3 || command[1] != KEY_REF_MANAGEMENT) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    byte algorithm = command[0];
    short keyLength = (short) (command[2] & 0xFF);
    if (keyLength != ManagementKey.length(algorithm) || length != (short) (3 + keyLength)) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    stateChanges++;
    byte touch = p2 == (byte) 0xFE ? KeyPolicy.TOUCH_ALWAYS : KeyPolicy.TOUCH_NEVER;
    JCSystem.beginTransaction();
    managementKey.set(algorithm, command, (short) 3, touch);
    JCSystem.commitTransaction();
  }

  // Yubico's GET METADATA: P2 names the PIN (80), the PUK (81), the management key (9B), a key
  // slot or the attestation key (F9).
  private void getMetadata(APDU apdu) {
    byte[] buffer = apdu.getBuffer();
    if (buffer[ISO7816.OFFSET_P1] != 0) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    byte reference = buffer[ISO7816.OFFSET_P2];
    short end;
    switch (reference) {
      case KEY_REF_PIN:
        end = pinMetadata(pin, pinValue, DEFAULT_PIN);
        break;
      case KEY_REF_PUK:
        end = pinMetadata(puk, pukValue, DEFAULT_PUK);
        break;
      case KEY_REF_MANAGEMENT:
        end =
            Metadata.writeManagementKey(
                response,
                (short) 0,
                managementKey.algorithm,
                managementKey.touchPolicy,
                managementKey.isFactoryKey(profile, scratch));
        break;
      case KEY_REF_ATTESTATION:
        // The attestation key comes from the card's "factory", as Yubico imports its own.
        keyMetadata(
            apdu,
            attestationKey,
            ALG_EC_P256,
            KeyPolicy.PIN_ONCE,
            KeyPolicy.TOUCH_NEVER,
            KeyPolicy.ORIGIN_IMPORTED);
        return;
      default:
        slotMetadata(apdu, reference);
        return;
    }
    sendResponse(apdu, (short) 0, end);
  }

  private short pinMetadata(OwnerPIN reference, byte[] value, byte[] factoryValue) {
    boolean isDefault = Util.arrayCompare(value, (short) 0, factoryValue, (short) 0, PIN_SIZE) == 0;
    return Metadata.writePin(
        response, (short) 0, isDefault, PIN_TRIES, reference.getTriesRemaining());
  }

  private void slotMetadata(APDU apdu, byte reference) {
    short slot = findSlot(reference);
    if (slot < 0) {
      boolean retired = reference >= KEY_REF_RETIRED_FIRST && reference <= KEY_REF_RETIRED_LAST;
      ISOException.throwIt(retired ? SW_REFERENCED_DATA_NOT_FOUND : ISO7816.SW_INCORRECT_P1P2);
    }
    byte algorithm = slotAlgorithms[slot];
    if (algorithm == 0) {
      ISOException.throwIt(SW_REFERENCED_DATA_NOT_FOUND);
    }
    keyMetadata(
        apdu,
        keyPairs[keyPairIndex(slot, algorithm)],
        algorithm,
        slotPinPolicies[slot],
        slotTouchPolicies[slot],
        slotOrigins[slot]);
  }

  private void keyMetadata(
      APDU apdu, KeyPair pair, byte algorithm, byte pinPolicy, byte touch, byte origin) {
    short end = KeyMaterial.writePublicKey(response, METADATA_ROOM, pair, isRsa(algorithm));
    short start =
        prependHeader(METADATA_ROOM, (short) (end - METADATA_ROOM), Metadata.TAG_PUBLIC_KEY);
    start = Metadata.prependKey(response, start, algorithm, pinPolicy, touch, origin);
    sendResponse(apdu, start, (short) (end - start));
  }

  // Yubico's ATTEST: P1 is the slot of a key generated on the card; the answer is a certificate
  // for its public key, signed by the attestation key of slot F9. An imported key cannot be
  // attested: YubiKeys answer 6A80.
  private void attest(APDU apdu) {
    byte[] buffer = apdu.getBuffer();
    if (buffer[ISO7816.OFFSET_P2] != 0) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    byte keyReference = buffer[ISO7816.OFFSET_P1];
    short slot = slotIndex(keyReference);
    byte algorithm = slotAlgorithms[slot];
    if (algorithm == 0) {
      ISOException.throwIt(SW_REFERENCED_DATA_NOT_FOUND);
    }
    if (slotOrigins[slot] != KeyPolicy.ORIGIN_GENERATED) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    KeyPair pair = keyPairs[keyPairIndex(slot, algorithm)];
    short length = attestation.certify(response, keyReference, pair, isRsa(algorithm));
    sendResponse(apdu, (short) 0, length);
  }

  private void sendBytes(APDU apdu, byte[] source, short length) {
    Util.arrayCopyNonAtomic(source, (short) 0, response, (short) 0, length);
    sendResponse(apdu, (short) 0, length);
  }

  private void generalAuthenticate(APDU apdu, short length) {
    byte[] buffer = apdu.getBuffer();
    byte algorithm = buffer[ISO7816.OFFSET_P1];
    byte keyReference = buffer[ISO7816.OFFSET_P2];
    short template = findTag(command, (short) 0, length, TAG_DYNAMIC_AUTH);
    short templateEnd = (short) (template + state[STATE_TLV_LENGTH]);
    if (keyReference == KEY_REF_MANAGEMENT) {
      // P1 must be the management key's own algorithm (SP 800-73-4 part 2, 3.2.4; a YubiKey 5.7
      // with its AES-192 factory key refuses 3DES with 6A80).
      if (algorithm != managementKey.algorithm) {
        ISOException.throwIt(ISO7816.SW_WRONG_DATA);
      }
      authenticateManagementKey(apdu, template, templateEnd);
    } else {
      sign(apdu, algorithm, slotIndex(keyReference), template, templateEnd);
    }
  }

  // Mutual authentication, as yubico-piv-tool does it: the card sends an encrypted witness, the
  // host returns it decrypted with its own challenge, the card answers the challenge encrypted.
  private void authenticateManagementKey(APDU apdu, short template, short templateEnd) {
    short block = managementKey.block();
    short witnessOffset = findTag(command, template, templateEnd, TAG_WITNESS);
    short witnessLength = state[STATE_TLV_LENGTH];
    if (witnessLength == 0) {
      flags[FLAG_MANAGEMENT_AUTHENTICATED] = false;
      random.generateData(witness, (short) 0, block);
      flags[FLAG_WITNESS_PENDING] = true;
      managementKey.encryption().doFinal(witness, (short) 0, block, response, (short) 4);
      sendDynamicAuthentication(apdu, TAG_WITNESS, block);
      return;
    }
    boolean pending = flags[FLAG_WITNESS_PENDING];
    flags[FLAG_WITNESS_PENDING] = false;
    if (!pending
        || witnessLength != block
        || Util.arrayCompare(command, witnessOffset, witness, (short) 0, block) != 0) {
      ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
    }
    short challenge = findTag(command, template, templateEnd, TAG_CHALLENGE);
    if (state[STATE_TLV_LENGTH] != block) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    managementKey.encryption().doFinal(command, challenge, block, response, (short) 4);
    flags[FLAG_MANAGEMENT_AUTHENTICATED] = true;
    sendDynamicAuthentication(apdu, TAG_RESPONSE, block);
  }

  private void sendDynamicAuthentication(APDU apdu, byte tag, short block) {
    response[0] = TAG_DYNAMIC_AUTH;
    response[1] = (byte) (2 + block);
    response[2] = tag;
    response[3] = (byte) block;
    sendResponse(apdu, (short) 0, (short) (4 + block));
  }

  private void sign(APDU apdu, byte algorithm, short slot, short template, short templateEnd) {
    byte slotAlgorithm = slotAlgorithms[slot];
    if (slotAlgorithm == 0) {
      ISOException.throwIt(SW_REFERENCED_DATA_NOT_FOUND);
    }
    requirePinPolicy(slotPinPolicies[slot]);
    if (slotAlgorithm != algorithm) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    short input = findTag(command, template, templateEnd, TAG_CHALLENGE);
    short inputLength = state[STATE_TLV_LENGTH];
    KeyPair pair = keyPairs[keyPairIndex(slot, algorithm)];
    short resultLength;
    if (isRsa(algorithm)) {
      short keyBytes = (short) (pair.getPublic().getSize() / 8);
      if (inputLength != keyBytes) {
        ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
      }
      rsaCipher.init(pair.getPrivate(), Cipher.MODE_DECRYPT);
      resultLength = rsaCipher.doFinal(command, input, inputLength, response, HEADER_ROOM);
      resultLength = padToModulus(resultLength, keyBytes);
    } else {
      ecdsa.init(pair.getPrivate(), Signature.MODE_SIGN);
      resultLength = ecdsa.signPreComputedHash(command, input, inputLength, response, HEADER_ROOM);
    }
    short start = prependHeader(HEADER_ROOM, resultLength, TAG_RESPONSE);
    start = prependHeader(start, (short) (HEADER_ROOM + resultLength - start), TAG_DYNAMIC_AUTH);
    sendResponse(apdu, start, (short) (HEADER_ROOM + resultLength - start));
  }

  // 6982 unless the PIN is verified as the key's policy wants: in this selection (once), by the
  // command right before this one (always, used up by this command), or not at all (never).
  private void requirePinPolicy(byte pinPolicy) {
    boolean satisfied;
    switch (pinPolicy) {
      case KeyPolicy.PIN_NEVER:
        satisfied = true;
        break;
      case KeyPolicy.PIN_ALWAYS:
        satisfied = flags[FLAG_PIN_ALWAYS_SATISFIED] && pin.isValidated();
        break;
      default:
        satisfied = pin.isValidated();
    }
    flags[FLAG_PIN_ALWAYS_SATISFIED] = false;
    if (!satisfied) {
      ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
    }
  }

  // jCardSim's raw RSA drops the leading zero bytes of its result (one signature in 256); a card
  // answers the modulus length, as PKCS#1 requires of a signature.
  private short padToModulus(short resultLength, short keyBytes) {
    if (resultLength < keyBytes) {
      short shift = (short) (keyBytes - resultLength);
      Util.arrayCopyNonAtomic(
          response, HEADER_ROOM, response, (short) (HEADER_ROOM + shift), resultLength);
      Util.arrayFillNonAtomic(response, HEADER_ROOM, shift, (byte) 0);
    }
    return keyBytes;
  }

  private void generateKeyPair(APDU apdu, short length) {
    byte[] buffer = apdu.getBuffer();
    if (buffer[ISO7816.OFFSET_P1] != 0) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    byte keyReference = buffer[ISO7816.OFFSET_P2];
    short slot = slotIndex(keyReference);
    if (!flags[FLAG_MANAGEMENT_AUTHENTICATED]) {
      ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
    }
    // The template's 80 (algorithm), AA (PIN policy) and AB (touch policy) go to scratch[0..2].
    readKeyTemplate(length);
    byte algorithm = scratch[0];
    byte pinPolicy =
        scratch[1] == KeyPolicy.DEFAULT ? KeyPolicy.defaultPinPolicy(keyReference) : scratch[1];
    byte touchPolicy = scratch[2] == KeyPolicy.DEFAULT ? KeyPolicy.TOUCH_NEVER : scratch[2];
    KeyPair pair = keyPairs[keyPairIndex(slot, algorithm)];
    boolean rsa = isRsa(algorithm);
    stateChanges++;
    slotAlgorithms[slot] = 0;
    pair.genKeyPair();
    KeyMaterial.normalize(pair, rsa, scratch);
    slotPinPolicies[slot] = pinPolicy;
    slotTouchPolicies[slot] = touchPolicy;
    slotOrigins[slot] = KeyPolicy.ORIGIN_GENERATED;
    slotAlgorithms[slot] = algorithm;

    short end = KeyMaterial.writePublicKey(response, HEADER_ROOM, pair, rsa);
    short start = prependHeader(HEADER_ROOM, (short) (end - HEADER_ROOM), TAG_PUBLIC_KEY_SECOND);
    response[--start] = TAG_PUBLIC_KEY_FIRST;
    sendResponse(apdu, start, (short) (end - start));
  }

  // Reads GENERATE's AC template into scratch: [0] the algorithm, [1] the PIN policy, [2] the
  // touch policy (0 when not given). 6A80 for an algorithm this profile does not generate, a
  // policy out of range, a tag given twice, or any other tag: policies exist on YubiKeys only.
  private void readKeyTemplate(short length) {
    short template = findTag(command, (short) 0, length, TAG_KEY_TEMPLATE);
    short end = (short) (template + state[STATE_TLV_LENGTH]);
    boolean policies = Profile.hasYubicoExtensions(profile);
    // scratch[3..5] mark the tags seen.
    Util.arrayFillNonAtomic(scratch, (short) 0, (short) 6, (byte) 0);
    short offset = template;
    while (offset < end) {
      byte tag = command[offset];
      short value = tlvValue(command, offset, end);
      short index = -1;
      if (tag == TAG_ALGORITHM) {
        index = 0;
      } else if (tag == TAG_PIN_POLICY && policies) {
        index = 1;
      } else if (tag == TAG_TOUCH_POLICY && policies) {
        index = 2;
      }
      if (index < 0 || state[STATE_TLV_LENGTH] != 1 || scratch[(short) (index + 3)] != 0) {
        ISOException.throwIt(ISO7816.SW_WRONG_DATA);
      }
      scratch[index] = command[value];
      scratch[(short) (index + 3)] = 1;
      offset = (short) (value + 1);
    }
    if (!Profile.generates(profile, scratch[0])
        || !KeyPolicy.isPolicy(scratch[1])
        || !KeyPolicy.isPolicy(scratch[2])) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
  }

  private void getData(APDU apdu, short length) {
    checkDataObjectParameters(apdu);
    short tag = findTag(command, (short) 0, length, TAG_TAG_LIST);
    short tagLength = state[STATE_TLV_LENGTH];
    if (tagLength == 1 && command[tag] == TAG_DISCOVERY) {
      sendBytes(
          apdu,
          IdentifierObjects.DISCOVERY_OBJECT,
          (short) IdentifierObjects.DISCOVERY_OBJECT.length);
      return;
    }
    short index = DataObjects.index(command, tag, tagLength, profile);
    if (DataObjects.readNeedsPin(index) && !pin.isValidated()) {
      ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
    }
    short objectLength = objectLengths[index];
    if (objectLength == 0) {
      ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
    }
    Util.arrayCopyNonAtomic(
        (byte[]) objects[index], (short) 0, response, HEADER_ROOM, objectLength);
    short start = prependHeader(HEADER_ROOM, objectLength, TAG_DATA);
    sendResponse(apdu, start, (short) (HEADER_ROOM + objectLength - start));
  }

  private void putData(APDU apdu, short length) {
    checkDataObjectParameters(apdu);
    if (!flags[FLAG_MANAGEMENT_AUTHENTICATED]) {
      ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
    }
    short tag = findTag(command, (short) 0, length, TAG_TAG_LIST);
    short index = DataObjects.index(command, tag, state[STATE_TLV_LENGTH], profile);
    short data = findTag(command, (short) 0, length, TAG_DATA);
    short dataLength = state[STATE_TLV_LENGTH];
    if (dataLength > OBJECT_CAPACITY) {
      ISOException.throwIt(ISO7816.SW_FILE_FULL);
    }
    stateChanges++;
    JCSystem.beginTransaction();
    Util.arrayCopy(command, data, (byte[]) objects[index], (short) 0, dataLength);
    objectLengths[index] = dataLength;
    JCSystem.commitTransaction();
  }

  private static void checkDataObjectParameters(APDU apdu) {
    byte[] buffer = apdu.getBuffer();
    if (buffer[ISO7816.OFFSET_P1] != 0x3F || buffer[ISO7816.OFFSET_P2] != (byte) 0xFF) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
  }

  // The index of the key slot keyReference; 6A86 for any other reference.
  private static short slotIndex(byte keyReference) {
    short slot = findSlot(keyReference);
    if (slot < 0) {
      ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
    }
    return slot;
  }

  private static short findSlot(byte keyReference) {
    for (short i = 0; i < SLOT_REFERENCES.length; i++) {
      if (SLOT_REFERENCES[i] == keyReference) {
        return i;
      }
    }
    return -1;
  }

  static short keyPairIndex(short slot, byte algorithm) {
    for (short i = 0; i < ALGORITHMS.length; i++) {
      if (ALGORITHMS[i] == algorithm) {
        return (short) (slot * ALGORITHMS.length + i);
      }
    }
    ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    return -1;
  }

  static boolean isRsa(byte algorithm) {
    return algorithm == ALG_RSA_2048 || algorithm == ALG_RSA_3072;
  }

  /**
   * Finds the first TLV with the one-byte {@code tag} among the siblings in [offset, end), stores
   * its length in the state and returns the offset of its value; 6A80 when absent or malformed.
   */
  private short findTag(byte[] data, short offset, short end, byte tag) {
    while (offset < end) {
      byte current = data[offset];
      short value = tlvValue(data, offset, end);
      if (current == tag) {
        return value;
      }
      offset = (short) (value + state[STATE_TLV_LENGTH]);
    }
    ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    return -1;
  }

  /**
   * Reads the header of the TLV with a one-byte tag at {@code offset}, which must fit before {@code
   * end}; stores its length in the state and returns the offset of its value; 6A80 when malformed.
   */
  private short tlvValue(byte[] data, short offset, short end) {
    offset++;
    if (offset >= end) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    short length = (short) (data[offset++] & 0xFF);
    if (length == 0x81) {
      length = (short) (data[offset++] & 0xFF);
    } else if (length == 0x82) {
      length = Util.getShort(data, offset);
      offset += 2;
    } else if (length > 0x7F) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    if (length < 0 || (short) (offset + length) > end || (short) (offset + length) < 0) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    state[STATE_TLV_LENGTH] = length;
    return offset;
  }

  /**
   * Writes the one-byte tag and the BER length of the value at {@code valueOffset} just before it
   * in the response buffer; returns the offset of the tag.
   */
  private short prependHeader(short valueOffset, short valueLength, byte tag) {
    short start = (short) (valueOffset - BerLength.size(valueLength) - 1);
    response[start] = tag;
    BerLength.write(response, (short) (start + 1), valueLength);
    return start;
  }

  private void sendResponse(APDU apdu, short offset, short length) {
    state[STATE_RESPONSE_OFFSET] = offset;
    state[STATE_RESPONSE_REMAINING] = length;
    sendNextChunk(apdu);
  }

  // Sends what the command's Le allows (256 bytes at most) and announces the rest with 61xx, to be
  // fetched by GET RESPONSE (ISO 7816-4, 5.1.3): under T=1 no one else does it for the applet.
  private void sendNextChunk(APDU apdu) {
    short remaining = state[STATE_RESPONSE_REMAINING];
    if (remaining == 0) {
      ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
    }
    short le = apdu.setOutgoing();
    if (le <= 0 || le > SHORT_RESPONSE_MAX) {
      le = SHORT_RESPONSE_MAX;
    }
    short chunk = remaining < le ? remaining : le;
    apdu.setOutgoingLength(chunk);
    apdu.sendBytesLong(response, state[STATE_RESPONSE_OFFSET], chunk);
    state[STATE_RESPONSE_OFFSET] += chunk;
    remaining -= chunk;
    state[STATE_RESPONSE_REMAINING] = remaining;
    if (remaining > 0) {
      ISOException.throwIt(
          (short) (ISO7816.SW_BYTES_REMAINING_00 | (remaining > 0xFF ? 0 : remaining)));
    }
  }
}
