package fr.aed.station.token.pkcs11;

import static fr.aed.station.token.pkcs11.Pkcs11Module.check;
import static fr.aed.station.token.pkcs11.Pkcs11Module.template;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_CERTIFICATE_TYPE;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_CLASS;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_ID;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_ISSUER;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_LABEL;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_PRIVATE;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_SUBJECT;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_TOKEN;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKA_VALUE;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKC_X_509;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKF_RW_SESSION;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKF_SERIAL_SESSION;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKO_CERTIFICATE;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKR_OK;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKS_RO_USER_FUNCTIONS;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKS_RW_USER_FUNCTIONS;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKU_CONTEXT_SPECIFIC;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKU_USER;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.ptr.NativeLongByReference;
import fr.aed.station.token.TokenException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ru.rutoken.pkcs11jna.CK_ATTRIBUTE;
import ru.rutoken.pkcs11jna.CK_MECHANISM;
import ru.rutoken.pkcs11jna.CK_SESSION_INFO;
import ru.rutoken.pkcs11jna.Pkcs11;

/** A read-write session of the wrapper on one slot: login, object search, attributes, objects. */
final class Pkcs11Session implements AutoCloseable {

  private static final int MAX_FOUND = 64;
  // Room for any signature or RSA result: an RSA-4096 modulus is 512 bytes.
  private static final int MAX_RESULT = 1024;

  private final Pkcs11 api;
  private final NativeLong handle;

  Pkcs11Session(Pkcs11Module module, long slot) throws TokenException {
    this.api = module.api();
    NativeLongByReference opened = new NativeLongByReference();
    check(
        api.C_OpenSession(
            new NativeLong(slot),
            new NativeLong(CKF_SERIAL_SESSION | CKF_RW_SESSION),
            null,
            null,
            opened),
        "C_OpenSession");
    this.handle = opened.getValue();
  }

  /** C_Login as the user; returns the module's CKR_ value, the caller tells what it means. */
  long loginUser(byte[] pin) {
    return login(CKU_USER, pin);
  }

  /** C_Login as {@code userType} (CKU_USER, CKU_SO...); returns the module's CKR_ value. */
  long login(long userType, byte[] pin) {
    return api.C_Login(handle, new NativeLong(userType), pin, new NativeLong(pin.length))
        .longValue();
  }

  /** C_SetPIN of the logged-in or public session's user; returns the module's CKR_ value. */
  long setPin(byte[] oldPin, byte[] newPin) {
    return api.C_SetPIN(
            handle, oldPin, new NativeLong(oldPin.length), newPin, new NativeLong(newPin.length))
        .longValue();
  }

  /** C_Logout; returns the module's CKR_ value (CKR_USER_NOT_LOGGED_IN when nobody was). */
  long logout() {
    return api.C_Logout(handle).longValue();
  }

  /** Whether the user is logged in, in this session and so in every session of the process. */
  boolean userLoggedIn() throws TokenException {
    CK_SESSION_INFO info = new CK_SESSION_INFO();
    check(api.C_GetSessionInfo(handle, info), "C_GetSessionInfo");
    long state = info.state.longValue();
    return state == CKS_RO_USER_FUNCTIONS || state == CKS_RW_USER_FUNCTIONS;
  }

  /** The handles of the objects of {@code objectClass} with this CKA_ID. */
  List<NativeLong> find(long objectClass, byte[] id) throws TokenException {
    CK_ATTRIBUTE[] wanted = template(2);
    wanted[0].setAttr(CKA_CLASS, objectClass);
    wanted[1].setAttr(CKA_ID, id);
    check(api.C_FindObjectsInit(handle, wanted, new NativeLong(2)), "C_FindObjectsInit");
    try {
      NativeLong[] found = Pkcs11Module.longs(MAX_FOUND);
      NativeLongByReference count = new NativeLongByReference();
      check(api.C_FindObjects(handle, found, new NativeLong(MAX_FOUND), count), "C_FindObjects");
      return new ArrayList<>(List.of(found).subList(0, count.getValue().intValue()));
    } finally {
      api.C_FindObjectsFinal(handle);
    }
  }

  /** Reads boolean attributes of an object, in the order of {@code types}. */
  boolean[] booleans(NativeLong object, long... types) throws TokenException {
    CK_ATTRIBUTE[] read = template(types.length);
    for (int i = 0; i < types.length; i++) {
      Pkcs11Module.expect(read[i], types[i], 1);
    }
    check(
        api.C_GetAttributeValue(handle, object, read, new NativeLong(types.length)),
        "C_GetAttributeValue");
    boolean[] values = new boolean[types.length];
    for (int i = 0; i < types.length; i++) {
      values[i] = read[i].pValue.getByte(0) != 0;
    }
    return values;
  }

  /** Reads one boolean attribute; false when the module does not know it for this object. */
  boolean flag(NativeLong object, long type) {
    CK_ATTRIBUTE[] read = template(1);
    Pkcs11Module.expect(read[0], type, 1);
    long rv = api.C_GetAttributeValue(handle, object, read, new NativeLong(1)).longValue();
    return rv == CKR_OK && read[0].pValue.getByte(0) != 0;
  }

  /** Reads a CK_ULONG attribute of an object, such as CKA_KEY_TYPE. */
  long number(NativeLong object, long type) throws TokenException {
    CK_ATTRIBUTE[] read = template(1);
    Pkcs11Module.expect(read[0], type, NativeLong.SIZE);
    check(api.C_GetAttributeValue(handle, object, read, new NativeLong(1)), "C_GetAttributeValue");
    return NativeLong.SIZE == 8 ? read[0].pValue.getLong(0) : read[0].pValue.getInt(0);
  }

  /**
   * Generates a key pair by {@code mechanism} with these templates.
   *
   * @return the handles of the public key, then of the private key
   */
  NativeLong[] generateKeyPair(long mechanism, CK_ATTRIBUTE[] publicKey, CK_ATTRIBUTE[] privateKey)
      throws TokenException {
    NativeLongByReference publicHandle = new NativeLongByReference();
    NativeLongByReference privateHandle = new NativeLongByReference();
    check(
        api.C_GenerateKeyPair(
            handle,
            new CK_MECHANISM(mechanism, null, 0),
            publicKey,
            new NativeLong(publicKey.length),
            privateKey,
            new NativeLong(privateKey.length),
            publicHandle,
            privateHandle),
        "C_GenerateKeyPair");
    return new NativeLong[] {publicHandle.getValue(), privateHandle.getValue()};
  }

  /**
   * Signs {@code input} with {@code key} by {@code mechanism}. With {@code contextPin}, logs in
   * again for this one operation (CKU_CONTEXT_SPECIFIC), as keys with CKA_ALWAYS_AUTHENTICATE
   * require.
   *
   * @param contextPin the holder's PIN for a context-specific login, or null for none
   */
  byte[] sign(NativeLong key, long mechanism, byte[] input, byte[] contextPin)
      throws TokenException {
    check(api.C_SignInit(handle, new CK_MECHANISM(mechanism, null, 0), key), "C_SignInit");
    return finish(
        contextPin,
        "C_Sign",
        (output, length) -> api.C_Sign(handle, input, inputLength(input), output, length));
  }

  /** Deciphers {@code input} like {@link #sign}, with a context-specific login if asked. */
  byte[] decrypt(NativeLong key, long mechanism, byte[] input, byte[] contextPin)
      throws TokenException {
    check(api.C_DecryptInit(handle, new CK_MECHANISM(mechanism, null, 0), key), "C_DecryptInit");
    return finish(
        contextPin,
        "C_Decrypt",
        (output, length) -> api.C_Decrypt(handle, input, inputLength(input), output, length));
  }

  /** The single-part call that ends an operation begun by its C_xxxInit. */
  private interface SinglePart {
    NativeLong call(byte[] output, NativeLongByReference length);
  }

  private byte[] finish(byte[] contextPin, String function, SinglePart operation)
      throws TokenException {
    byte[] output = new byte[MAX_RESULT];
    NativeLongByReference length = new NativeLongByReference(new NativeLong(output.length));
    long login = contextPin == null ? CKR_OK : login(CKU_CONTEXT_SPECIFIC, contextPin);
    // The operation stays active after a failed login: the single-part call ends it either way.
    NativeLong rv = operation.call(output, length);
    if (login != CKR_OK) {
      throw new Pkcs11CallException("C_Login(CKU_CONTEXT_SPECIFIC)", login);
    }
    check(rv, function);
    return Arrays.copyOf(output, length.getValue().intValue());
  }

  private static NativeLong inputLength(byte[] input) {
    return new NativeLong(input.length);
  }

  /** Reads a byte-string attribute of an object, of any length. */
  byte[] bytes(NativeLong object, long type) throws TokenException {
    CK_ATTRIBUTE[] size = template(1);
    size[0].setAttr(type, null, 0);
    check(api.C_GetAttributeValue(handle, object, size, new NativeLong(1)), "C_GetAttributeValue");
    int length = size[0].ulValueLen.intValue();
    if (length == 0) {
      return new byte[0];
    }
    CK_ATTRIBUTE[] read = template(1);
    Pkcs11Module.expect(read[0], type, length);
    check(api.C_GetAttributeValue(handle, object, read, new NativeLong(1)), "C_GetAttributeValue");
    return read[0].pValue.getByteArray(0, read[0].ulValueLen.intValue());
  }

  /** Destroys every object of these classes with this CKA_ID. */
  void destroy(byte[] id, long... objectClasses) throws TokenException {
    for (long objectClass : objectClasses) {
      for (NativeLong object : find(objectClass, id)) {
        check(api.C_DestroyObject(handle, object), "C_DestroyObject");
      }
    }
  }

  /** Creates a public X.509 certificate object on the token, with this CKA_ID and label. */
  void createCertificate(byte[] id, String label, X509Certificate certificate, byte[] encoded)
      throws TokenException {
    CK_ATTRIBUTE[] object = template(9);
    object[0].setAttr(CKA_CLASS, CKO_CERTIFICATE);
    object[1].setAttr(CKA_CERTIFICATE_TYPE, CKC_X_509);
    object[2].setAttr(CKA_TOKEN, true);
    object[3].setAttr(CKA_PRIVATE, false);
    object[4].setAttr(CKA_ID, id);
    object[5].setAttr(CKA_LABEL, label.getBytes(StandardCharsets.UTF_8));
    object[6].setAttr(CKA_SUBJECT, certificate.getSubjectX500Principal().getEncoded());
    object[7].setAttr(CKA_ISSUER, certificate.getIssuerX500Principal().getEncoded());
    Memory value = new Memory(encoded.length);
    value.write(0, encoded, 0, encoded.length);
    object[8].setAttr(CKA_VALUE, value, encoded.length);
    check(
        api.C_CreateObject(handle, object, new NativeLong(9), new NativeLongByReference()),
        "C_CreateObject");
  }

  /** Logs the user out (of every session of the process) and closes this session. */
  @Override
  public void close() {
    api.C_Logout(handle);
    api.C_CloseSession(handle);
  }
}
