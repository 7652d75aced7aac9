package fr.aed.station.simulator.applet;

import javacard.framework.APDU;
import javacard.framework.Applet;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.OwnerPIN;
import javacard.framework.Util;
import javacard.security.AESKey;
import javacard.security.CryptoException;
import javacard.security.DESKey;
import javacard.security.ECKey;
import javacard.security.ECPublicKey;
import javacard.security.KeyBuilder;
import javacard.security.KeyPair;
import javacard.security.PrivateKey;
import javacard.security.RSAPublicKey;
import javacard.security.RandomData;
import javacard.security.SecretKey;
import javacard.security.Signature;
import javacardx.crypto.Cipher;

/**
 * The PIV card application (NIST SP 800-73-4, part 2): SELECT, VERIFY, CHANGE REFERENCE DATA, RESET
 * RETRY COUNTER, GENERAL AUTHENTICATE (management key 9B and signing), GENERATE ASYMMETRIC KEY
 * PAIR, GET DATA, PUT DATA with command chaining and GET RESPONSE; and the vendor extensions PIV
 * tools rely on, as YubiKeys answer them: GET VERSION (FD), GET SERIAL (F8), SET MANAGEMENT KEY
 * (FF) and ATTEST (F9), whose certificates the attestation key in slot F9 signs.
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
  private static final byte INS_GET_SERIAL = (byte) 0xF8;
  private static final byte INS_ATTEST = (byte) 0xF9;
  private static final byte INS_GET_VERSION = (byte) 0xFD;
  private static final byte INS_SET_MANAGEMENT_KEY = (byte) 0xFF;
  private static final byte INS_GENERATE_KEY_PAIR = (byte) 0x47;
  private static final byte INS_GENERAL_AUTHENTICATE = (byte) 0x87;
  private static final byte INS_GET_RESPONSE = (byte) 0xC0;
  private static final byte INS_GET_DATA = (byte) 0xCB;
  private static final byte INS_PUT_DATA = (byte) 0xDB;

  private static final byte CLA_CHAINING = (byte) 0x10;

  static final byte ALG_3DES = (byte) 0x03;
  static final byte ALG_AES_128 = (byte) 0x08;
  static final byte ALG_AES_192 = (byte) 0x0A;
  static final byte ALG_AES_256 = (byte) 0x0C;
  static final byte ALG_RSA_2048 = (byte) 0x07;
  static final byte ALG_RSA_3072 = (byte) 0x05;
  static final byte ALG_EC_P256 = (byte) 0x11;
  static final byte ALG_EC_P384 = (byte) 0x14;

  private static final byte KEY_REF_PIN = (byte) 0x80;
  private static final byte KEY_REF_PUK = (byte) 0x81;
  private static final byte KEY_REF_MANAGEMENT = (byte) 0x9B;

  private static final byte TAG_DYNAMIC_AUTH = (byte) 0x7C;
  private static final byte TAG_WITNESS = (byte) 0x80;
  private static final byte TAG_CHALLENGE = (byte) 0x81;
  private static final byte TAG_RESPONSE = (byte) 0x82;
  private static final byte TAG_KEY_TEMPLATE = (byte) 0xAC;
  private static final byte TAG_ALGORITHM = (byte) 0x80;
  private static final byte TAG_TAG_LIST = (byte) 0x5C;
  private static final byte TAG_DATA = (byte) 0x53;
  private static final byte TAG_PUBLIC_KEY_FIRST = (byte) 0x7F;
  private static final byte TAG_PUBLIC_KEY_SECOND = (byte) 0x49;
  private static final byte TAG_RSA_MODULUS = (byte) 0x81;
  private static final byte TAG_RSA_EXPONENT = (byte) 0x82;
  private static final byte TAG_EC_POINT = (byte) 0x86;
  private static final byte TAG_DISCOVERY = (byte) 0x7E;

  private static final short SW_PIN_BLOCKED = (short) 0x6983;
  private static final short SW_REFERENCED_DATA_NOT_FOUND = (short) 0x6A88;
  private static final short SW_TRIES_LEFT_BASE = (short) 0x63C0;

  static final byte PIN_TRIES = 3;
  static final byte PIN_SIZE = 8;
  private static final short DES_BLOCK = 8;
  private static final short AES_BLOCK = 16;
  static final short SERIAL_SIZE = 4;
  // Firmware 5.2.7: PIV tools unlock their YubiKey paths from 5.0 (attestation, serial).
  private static final byte[] DEFAULT_VERSION = {5, 2, 7};
  private static final short GUID_SIZE = 16;

  static final short OBJECT_CAPACITY = 3072;
  private static final short COMMAND_CAPACITY = 3200;
  // Room in front of a value for at most two tags and two 3-byte lengths, written afterwards.
  private static final short HEADER_ROOM = 8;
  private static final short RESPONSE_CAPACITY = (short) (OBJECT_CAPACITY + HEADER_ROOM + 64);
  private static final short SHORT_RESPONSE_MAX = 256;

  private static final byte[] APPLICATION_TEMPLATE = {
    0x61,
    0x11,
    0x4F,
    0x06,
    0x00,
    0x00,
    0x10,
    0x00,
    0x01,
    0x00,
    0x79,
    0x07,
    0x4F,
    0x05,
    (byte) 0xA0,
    0x00,
    0x00,
    0x03,
    0x08
  };

  private static final byte[] DISCOVERY_OBJECT = {
    0x7E,
    0x12,
    0x4F,
    0x0B,
    (byte) 0xA0,
    0x00,
    0x00,
    0x03,
    0x08,
    0x00,
    0x00,
    0x10,
    0x00,
    0x01,
    0x00,
    0x5F,
    0x2F,
    0x02,
    0x40,
    0x00
  };

  private static final byte[] DEFAULT_PIN = {
    0x31, 0x32, 0x33, 0x34, 0x35, 0x36, (byte) 0xFF, (byte) 0xFF
  };
  private static final byte[] DEFAULT_PUK = {0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38};
  private static final byte[] DEFAULT_MANAGEMENT_KEY = {
    1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8
  };

  // The last byte of the data object tags 5FC1xx, in the order of the object store.
  static final byte[] OBJECT_TAGS = {0x02, 0x05, 0x0A, 0x0B, 0x01, 0x07};
  private static final short OBJECT_CHUID = 0;
  private static final short OBJECT_CCC = 5;
  // The certificate of the attestation key (YubiKey's object 5FFF01) follows the 5FC1xx objects.
  static final short OBJECT_ATTESTATION = 6;
  static final short OBJECT_COUNT = 7;
  // Key references of the slots, in the order of the key store; certificate objects follow CHUID.
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
  private static final short FLAG_SIZE = 2;

  // The persistent state, package-private for PivCardState, which saves and restores it for the
  // simulator outside any APDU.
  final OwnerPIN pin;
  final OwnerPIN puk;
  // OwnerPIN never reveals its value: these copies exist only so that the simulator can save the
  // card. A real card would not keep them (a PIN in clear in EEPROM); this one is a test card.
  final byte[] pinValue;
  final byte[] pukValue;
  final DESKey managementDes;
  final AESKey managementAes128;
  final AESKey managementAes192;
  final AESKey managementAes256;
  byte managementAlgorithm;
  final KeyPair attestationKey;
  final byte[] serial;
  final byte[] version;
  final KeyPair[] keyPairs;
  final byte[] slotAlgorithms;
  final Object[] objects;
  final short[] objectLengths;
  // Counts the commands that may have changed the persistent state (even when refused: a wrong
  // PIN costs a try), so that the simulator saves the state after them and only after them.
  short stateChanges;

  private final Cipher desCipher;
  private final Cipher aesCipher;
  private final byte[] scratch;
  private final Cipher rsaCipher;
  private final Signature ecdsa;
  private final RandomData random;
  private final byte[] command;
  private final byte[] response;
  private final byte[] witness;
  private final short[] state;
  private final boolean[] flags;

  private PivApplet() {
    pin = new OwnerPIN(PIN_TRIES, PIN_SIZE);
    pin.update(DEFAULT_PIN, (short) 0, PIN_SIZE);
    pinValue = new byte[PIN_SIZE];
    Util.arrayCopy(DEFAULT_PIN, (short) 0, pinValue, (short) 0, PIN_SIZE);
    puk = new OwnerPIN(PIN_TRIES, PIN_SIZE);
    puk.update(DEFAULT_PUK, (short) 0, PIN_SIZE);
    pukValue = new byte[PIN_SIZE];
    Util.arrayCopy(DEFAULT_PUK, (short) 0, pukValue, (short) 0, PIN_SIZE);
    managementDes =
        (DESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_DES, KeyBuilder.LENGTH_DES3_3KEY, false);
    managementDes.setKey(DEFAULT_MANAGEMENT_KEY, (short) 0);
    managementAlgorithm = ALG_3DES;
    managementAes128 =
        (AESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_AES, KeyBuilder.LENGTH_AES_128, false);
    managementAes192 =
        (AESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_AES, KeyBuilder.LENGTH_AES_192, false);
    managementAes256 =
        (AESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_AES, KeyBuilder.LENGTH_AES_256, false);
    desCipher = Cipher.getInstance(Cipher.ALG_DES_ECB_NOPAD, false);
    aesCipher = Cipher.getInstance(Cipher.ALG_AES_BLOCK_128_ECB_NOPAD, false);
    rsaCipher = Cipher.getInstance(Cipher.ALG_RSA_NOPAD, false);
    ecdsa = Signature.getInstance(Signature.ALG_ECDSA_SHA_256, false);
    random = RandomData.getInstance(RandomData.ALG_SECURE_RANDOM);

    keyPairs = new KeyPair[(short) (SLOT_REFERENCES.length * ALGORITHMS.length)];
    for (short slot = 0; slot < SLOT_REFERENCES.length; slot++) {
      short base = (short) (slot * ALGORITHMS.length);
      keyPairs[base] = rsaKeyPair((short) 2048);
      keyPairs[(short) (base + 1)] = rsaKeyPair((short) 3072);
      keyPairs[(short) (base + 2)] =
          ecKeyPair(
              NistCurves.P256_P,
              NistCurves.P256_A,
              NistCurves.P256_B,
              NistCurves.P256_GX,
              NistCurves.P256_GY,
              NistCurves.P256_N);
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

    objects = new Object[OBJECT_COUNT];
    objectLengths = new short[OBJECT_COUNT];
    for (short i = 0; i < OBJECT_COUNT; i++) {
      objects[i] = new byte[OBJECT_CAPACITY];
    }
    command = new byte[COMMAND_CAPACITY];
    response = new byte[RESPONSE_CAPACITY];
    witness = JCSystem.makeTransientByteArray(AES_BLOCK, JCSystem.CLEAR_ON_DESELECT);
    state = JCSystem.makeTransientShortArray(STATE_SIZE, JCSystem.CLEAR_ON_DESELECT);
    flags = JCSystem.makeTransientBooleanArray(FLAG_SIZE, JCSystem.CLEAR_ON_DESELECT);
    scratch = JCSystem.makeTransientByteArray(SCRATCH_SIZE, JCSystem.CLEAR_ON_DESELECT);
    version = new byte[(short) DEFAULT_VERSION.length];
    Util.arrayCopy(DEFAULT_VERSION, (short) 0, version, (short) 0, (short) version.length);
    serial = new byte[SERIAL_SIZE];
    random.generateData(serial, (short) 0, SERIAL_SIZE);
    // A positive serial that a 32-bit signed reader prints as the card does, never zero.
    serial[0] = (byte) ((serial[0] & 0x3F) | 0x01);
    writeChuid();
    writeCcc();
    attestationKey =
        ecKeyPair(
            NistCurves.P256_P,
            NistCurves.P256_A,
            NistCurves.P256_B,
            NistCurves.P256_GX,
            NistCurves.P256_GY,
            NistCurves.P256_N);
    attestationKey.genKeyPair();
    writeAttestationCertificate();
  }

  private static final short SCRATCH_SIZE = 128;
  // Where certificates are assembled in the response buffer: the TBS ends here, the signature
  // algorithm and value follow.
  private static final short CERTIFICATE_TBS_END = 1600;

  /** Installs the applet; called by the card's installer. */
  public static void install(byte[] parameters, short offset, byte length) {
    new PivApplet().register();
  }

  static KeyPair rsaKeyPair(short bits) {
    return new KeyPair(
        (RSAPublicKey) KeyBuilder.buildKey(KeyBuilder.TYPE_RSA_PUBLIC, bits, false),
        (PrivateKey) KeyBuilder.buildKey(KeyBuilder.TYPE_RSA_CRT_PRIVATE, bits, false));
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

  // CHUID (SP 800-73-4 part 1, 3.1.2): FASC-N, GUID (random, the card's own serial), expiry,
  // empty signature and error detection code.
  private void writeChuid() {
    byte[] chuid = (byte[]) objects[OBJECT_CHUID];
    short off = 0;
    chuid[off++] = 0x30;
    chuid[off++] = 25;
    // FASC-N left blank: a simulated card has no federal issuer; the GUID identifies the card.
    off = Util.arrayFillNonAtomic(chuid, off, (short) 25, (byte) 0x00);
    chuid[off++] = 0x34;
    chuid[off++] = (byte) GUID_SIZE;
    random.generateData(chuid, off, GUID_SIZE);
    off += GUID_SIZE;
    chuid[off++] = 0x35;
    chuid[off++] = 8;
    off = Util.arrayCopyNonAtomic(EXPIRY, (short) 0, chuid, off, (short) EXPIRY.length);
    chuid[off++] = 0x3E;
    chuid[off++] = 0x00;
    chuid[off++] = (byte) 0xFE;
    chuid[off++] = 0x00;
    objectLengths[OBJECT_CHUID] = off;
  }

  private static final byte[] EXPIRY = {0x32, 0x30, 0x34, 0x30, 0x31, 0x32, 0x33, 0x31};

  // CCC (SP 800-73-4 part 1, 3.1.1): card identifier (GSC-RID A0 00 00 01 16, manufacturer FF,
  // card type 02 = Java Card, 14 random bytes), versions, data model 10, empty optional fields.
  private void writeCcc() {
    byte[] ccc = (byte[]) objects[OBJECT_CCC];
    short off = 0;
    ccc[off++] = (byte) 0xF0;
    ccc[off++] = 0x15;
    off = Util.arrayCopyNonAtomic(CCC_CARD_ID_PREFIX, (short) 0, ccc, off, (short) 7);
    random.generateData(ccc, off, (short) 14);
    off += 14;
    off = Util.arrayCopyNonAtomic(CCC_TAIL, (short) 0, ccc, off, (short) CCC_TAIL.length);
    objectLengths[OBJECT_CCC] = off;
  }

  private static final byte[] CCC_CARD_ID_PREFIX = {
    (byte) 0xA0, 0x00, 0x00, 0x01, 0x16, (byte) 0xFF, 0x02
  };
  private static final byte[] CCC_TAIL = {
    (byte) 0xF1,
    0x01,
    0x21,
    (byte) 0xF2,
    0x01,
    0x21,
    (byte) 0xF3,
    0x00,
    (byte) 0xF4,
    0x01,
    0x00,
    (byte) 0xF5,
    0x01,
    0x10,
    (byte) 0xF6,
    0x00,
    (byte) 0xF7,
    0x00,
    (byte) 0xFA,
    0x00,
    (byte) 0xFB,
    0x00,
    (byte) 0xFC,
    0x00,
    (byte) 0xFD,
    0x00,
    (byte) 0xFE,
    0x00
  };

  // The self-signed certificate of the attestation key, stored as a PIV certificate object
  // (70 certificate, 71 01 00 uncompressed, FE 00) the way tools read slot F9's.
  private void writeAttestationCertificate() {
    ECPublicKey publicKey = (ECPublicKey) attestationKey.getPublic();
    short extensions =
        AttestationCertificates.put(
            response, CERTIFICATE_TBS_END, AttestationCertificates.CA_EXTENSIONS);
    short tbsStart =
        attestationTbs(
            (byte) 0, AttestationCertificates.ecPublicKey(response, extensions, publicKey));
    short end = signCertificate(tbsStart);
    short start =
        AttestationCertificates.header(
            response, tbsStart, AttestationCertificates.TAG_SEQUENCE, (short) (end - tbsStart));
    byte[] object = (byte[]) objects[OBJECT_ATTESTATION];
    short off = writeLength(object, (short) 1, (short) (end - start));
    object[0] = 0x70;
    off = Util.arrayCopyNonAtomic(response, start, object, off, (short) (end - start));
    object[off++] = 0x71;
    object[off++] = 0x01;
    object[off++] = 0x00;
    object[off++] = (byte) 0xFE;
    object[off++] = 0x00;
    objectLengths[OBJECT_ATTESTATION] = off;
  }

  /**
   * Writes the TBSCertificate whose SubjectPublicKeyInfo starts at {@code start} and ends at
   * CERTIFICATE_TBS_END; the subject names {@code slot} (or the attestation key itself when 0).
   */
  private short attestationTbs(byte slot, short start) {
    start = AttestationCertificates.name(response, start, slot);
    start = AttestationCertificates.put(response, start, AttestationCertificates.VALIDITY);
    start = AttestationCertificates.name(response, start, (byte) 0);
    start = AttestationCertificates.put(response, start, AttestationCertificates.ECDSA_WITH_SHA256);
    start -= GUID_SIZE;
    random.generateData(response, start, GUID_SIZE);
    // A positive serial number of full length: DER allows no leading zero byte.
    response[start] = (byte) ((response[start] & 0x7F) | 0x40);
    start =
        AttestationCertificates.header(
            response, start, AttestationCertificates.TAG_INTEGER, GUID_SIZE);
    start = AttestationCertificates.put(response, start, AttestationCertificates.VERSION_3);
    return AttestationCertificates.header(
        response,
        start,
        AttestationCertificates.TAG_SEQUENCE,
        (short) (CERTIFICATE_TBS_END - start));
  }

  // Signs the TBSCertificate at [tbsStart, CERTIFICATE_TBS_END) with the attestation key and
  // appends the signature algorithm and value; returns the end of the certificate's content.
  private short signCertificate(short tbsStart) {
    ecdsa.init(attestationKey.getPrivate(), Signature.MODE_SIGN);
    short signatureLength =
        ecdsa.sign(
            response, tbsStart, (short) (CERTIFICATE_TBS_END - tbsStart), scratch, (short) 0);
    short off =
        Util.arrayCopyNonAtomic(
            AttestationCertificates.ECDSA_WITH_SHA256,
            (short) 0,
            response,
            CERTIFICATE_TBS_END,
            (short) AttestationCertificates.ECDSA_WITH_SHA256.length);
    response[off++] = AttestationCertificates.TAG_BIT_STRING;
    off = writeLength(response, off, (short) (signatureLength + 1));
    response[off++] = 0x00;
    return Util.arrayCopyNonAtomic(scratch, (short) 0, response, off, signatureLength);
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
      Util.arrayCopyNonAtomic(
          APPLICATION_TEMPLATE,
          (short) 0,
          response,
          (short) 0,
          (short) APPLICATION_TEMPLATE.length);
      sendResponse(apdu, (short) 0, (short) APPLICATION_TEMPLATE.length);
      return;
    }
    byte cla = buffer[ISO7816.OFFSET_CLA];
    byte ins = buffer[ISO7816.OFFSET_INS];
    if ((byte) (cla & ~CLA_CHAINING) != 0) {
      ISOException.throwIt(ISO7816.SW_CLA_NOT_SUPPORTED);
    }
    if (ins == INS_GET_RESPONSE) {
      sendNextChunk(apdu);
      return;
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
      case INS_GET_VERSION:
        sendBytes(apdu, version, (short) version.length);
        break;
      case INS_GET_SERIAL:
        sendBytes(apdu, serial, SERIAL_SIZE);
        break;
      case INS_SET_MANAGEMENT_KEY:
        setManagementKey(apdu, length);
        break;
      case INS_ATTEST:
        attest(apdu);
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
        ISOException.throwIt(ISO7816.SW_INS_NOT_SUPPORTED);
    }
  }

  // Appends the command data to the command buffer: a chain (CLA 10) goes on while the INS stays.
  private void receiveCommandData(APDU apdu, byte ins) {
    short chainIns = (short) ((ins & 0xFF) | 0x100);
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
        throwTriesLeft();
      }
      return;
    }
    if (length != PIN_SIZE) {
      ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
    }
    stateChanges++;
    if (pin.getTriesRemaining() == 0) {
      ISOException.throwIt(SW_PIN_BLOCKED);
    }
    if (!pin.check(command, (short) 0, PIN_SIZE)) {
      ISOException.throwIt((short) (SW_TRIES_LEFT_BASE | pin.getTriesRemaining()));
    }
  }

  private void throwTriesLeft() {
    throwTriesLeft(pin);
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

  // Yubico's SET MANAGEMENT KEY: P1 FF, P2 FF (or FE: touch, which a simulated card ignores),
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
    if (keyLength != managementKeyLength(algorithm) || length != (short) (3 + keyLength)) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    stateChanges++;
    JCSystem.beginTransaction();
    if (algorithm == ALG_3DES) {
      managementDes.setKey(command, (short) 3);
    } else {
      ((AESKey) managementKey(algorithm)).setKey(command, (short) 3);
    }
    managementAlgorithm = algorithm;
    JCSystem.commitTransaction();
  }

  static short managementKeyLength(byte algorithm) {
    switch (algorithm) {
      case ALG_3DES:
        return 24;
      case ALG_AES_128:
        return 16;
      case ALG_AES_192:
        return 24;
      case ALG_AES_256:
        return 32;
      default:
        ISOException.throwIt(ISO7816.SW_WRONG_DATA);
        return 0;
    }
  }

  SecretKey managementKey(byte algorithm) {
    switch (algorithm) {
      case ALG_AES_128:
        return managementAes128;
      case ALG_AES_192:
        return managementAes192;
      case ALG_AES_256:
        return managementAes256;
      default:
        return managementDes;
    }
  }

  private Cipher managementCipher() {
    Cipher cipher = managementAlgorithm == ALG_3DES ? desCipher : aesCipher;
    cipher.init(managementKey(managementAlgorithm), Cipher.MODE_ENCRYPT);
    return cipher;
  }

  // Yubico's ATTEST: P1 is the slot of a key generated on the card; the answer is a certificate
  // for its public key, signed by the attestation key of slot F9.
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
    KeyPair pair = keyPairs[keyPairIndex(slot, algorithm)];
    short spki =
        isRsa(algorithm)
            ? AttestationCertificates.rsaPublicKey(
                response, CERTIFICATE_TBS_END, (RSAPublicKey) pair.getPublic(), scratch)
            : AttestationCertificates.ecPublicKey(
                response, CERTIFICATE_TBS_END, (ECPublicKey) pair.getPublic());
    short tbsStart = attestationTbs(keyReference, spki);
    short end = signCertificate(tbsStart);
    short start =
        AttestationCertificates.header(
            response, tbsStart, AttestationCertificates.TAG_SEQUENCE, (short) (end - tbsStart));
    sendResponse(apdu, start, (short) (end - start));
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
      if (algorithm != managementAlgorithm) {
        ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
      }
      authenticateManagementKey(apdu, template, templateEnd);
    } else {
      sign(apdu, algorithm, slotIndex(keyReference), template, templateEnd);
    }
  }

  // Mutual authentication, as yubico-piv-tool does it: the card sends an encrypted witness, the
  // host returns it decrypted with its own challenge, the card answers the challenge encrypted.
  private void authenticateManagementKey(APDU apdu, short template, short templateEnd) {
    short block = managementAlgorithm == ALG_3DES ? DES_BLOCK : AES_BLOCK;
    short witnessOffset = findTag(command, template, templateEnd, TAG_WITNESS);
    short witnessLength = state[STATE_TLV_LENGTH];
    if (witnessLength == 0) {
      flags[FLAG_MANAGEMENT_AUTHENTICATED] = false;
      random.generateData(witness, (short) 0, block);
      flags[FLAG_WITNESS_PENDING] = true;
      managementCipher().doFinal(witness, (short) 0, block, response, (short) 4);
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
    managementCipher().doFinal(command, challenge, block, response, (short) 4);
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
    if (!pin.isValidated()) {
      ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
    }
    byte slotAlgorithm = slotAlgorithms[slot];
    if (slotAlgorithm == 0) {
      ISOException.throwIt(SW_REFERENCED_DATA_NOT_FOUND);
    }
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
    short slot = slotIndex(buffer[ISO7816.OFFSET_P2]);
    if (!flags[FLAG_MANAGEMENT_AUTHENTICATED]) {
      ISOException.throwIt(ISO7816.SW_SECURITY_STATUS_NOT_SATISFIED);
    }
    short template = findTag(command, (short) 0, length, TAG_KEY_TEMPLATE);
    short templateEnd = (short) (template + state[STATE_TLV_LENGTH]);
    short algorithmOffset = findTag(command, template, templateEnd, TAG_ALGORITHM);
    if (state[STATE_TLV_LENGTH] != 1) {
      ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    }
    byte algorithm = command[algorithmOffset];
    KeyPair pair = keyPairs[keyPairIndex(slot, algorithm)];
    stateChanges++;
    slotAlgorithms[slot] = 0;
    pair.genKeyPair();
    slotAlgorithms[slot] = algorithm;

    short end = isRsa(algorithm) ? writeRsaPublicKey(pair) : writeEcPublicKey(pair);
    short start = prependHeader(HEADER_ROOM, (short) (end - HEADER_ROOM), TAG_PUBLIC_KEY_SECOND);
    response[--start] = TAG_PUBLIC_KEY_FIRST;
    sendResponse(apdu, start, (short) (end - start));
  }

  // 81 <modulus> 82 <exponent>, at HEADER_ROOM; returns the end offset.
  private short writeRsaPublicKey(KeyPair pair) {
    RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
    short modulusLength = (short) (publicKey.getSize() / 8);
    short off = HEADER_ROOM;
    response[off++] = TAG_RSA_MODULUS;
    off = writeLength(response, off, modulusLength);
    off += publicKey.getModulus(response, off);
    response[off++] = TAG_RSA_EXPONENT;
    short exponentLength = publicKey.getExponent(response, (short) (off + 1));
    response[off++] = (byte) exponentLength;
    return (short) (off + exponentLength);
  }

  // 86 <uncompressed point>, at HEADER_ROOM; returns the end offset.
  private short writeEcPublicKey(KeyPair pair) {
    ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
    short off = HEADER_ROOM;
    response[off++] = TAG_EC_POINT;
    short pointLength = publicKey.getW(response, (short) (off + 1));
    response[off++] = (byte) pointLength;
    return (short) (off + pointLength);
  }

  private void getData(APDU apdu, short length) {
    checkDataObjectParameters(apdu);
    short tag = findTag(command, (short) 0, length, TAG_TAG_LIST);
    short tagLength = state[STATE_TLV_LENGTH];
    if (tagLength == 1 && command[tag] == TAG_DISCOVERY) {
      Util.arrayCopyNonAtomic(
          DISCOVERY_OBJECT, (short) 0, response, (short) 0, (short) DISCOVERY_OBJECT.length);
      sendResponse(apdu, (short) 0, (short) DISCOVERY_OBJECT.length);
      return;
    }
    short index = objectIndex(tag, tagLength);
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
    short index = objectIndex(tag, state[STATE_TLV_LENGTH]);
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

  // Index in the object store of the tag 5FC1xx at tag; 6A82 when the card has no such object.
  private short objectIndex(short tag, short tagLength) {
    if (tagLength != 3 || command[tag] != 0x5F) {
      ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
    }
    if (command[(short) (tag + 1)] == (byte) 0xFF && command[(short) (tag + 2)] == 0x01) {
      return OBJECT_ATTESTATION;
    }
    if (command[(short) (tag + 1)] != (byte) 0xC1) {
      ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
    }
    byte last = command[(short) (tag + 2)];
    for (short i = 0; i < OBJECT_TAGS.length; i++) {
      if (OBJECT_TAGS[i] == last) {
        return i;
      }
    }
    ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
    return -1;
  }

  private static short slotIndex(byte keyReference) {
    for (short i = 0; i < SLOT_REFERENCES.length; i++) {
      if (SLOT_REFERENCES[i] == keyReference) {
        return i;
      }
    }
    ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
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
      byte current = data[offset++];
      if (offset >= end) {
        break;
      }
      short length = (short) (data[offset++] & 0xFF);
      if (length == 0x81) {
        length = (short) (data[offset++] & 0xFF);
      } else if (length == 0x82) {
        length = Util.getShort(data, offset);
        offset += 2;
      } else if (length > 0x7F) {
        break;
      }
      if (length < 0 || (short) (offset + length) > end || (short) (offset + length) < 0) {
        break;
      }
      if (current == tag) {
        state[STATE_TLV_LENGTH] = length;
        return offset;
      }
      offset += length;
    }
    ISOException.throwIt(ISO7816.SW_WRONG_DATA);
    return -1;
  }

  /**
   * Writes the one-byte tag and the BER length of the value at {@code valueOffset} just before it
   * in the response buffer; returns the offset of the tag.
   */
  private short prependHeader(short valueOffset, short valueLength, byte tag) {
    short start = (short) (valueOffset - lengthSize(valueLength) - 1);
    response[start] = tag;
    writeLength(response, (short) (start + 1), valueLength);
    return start;
  }

  private static short lengthSize(short length) {
    return length < 0x80 ? (short) 1 : length < 0x100 ? (short) 2 : (short) 3;
  }

  private static short writeLength(byte[] buffer, short offset, short length) {
    if (length < 0x80) {
      buffer[offset++] = (byte) length;
    } else if (length < 0x100) {
      buffer[offset++] = (byte) 0x81;
      buffer[offset++] = (byte) length;
    } else {
      buffer[offset++] = (byte) 0x82;
      offset = Util.setShort(buffer, offset, length);
    }
    return offset;
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
