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
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKS_RO_USER_FUNCTIONS;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKS_RW_USER_FUNCTIONS;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKU_USER;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.ptr.NativeLongByReference;
import fr.aed.station.token.TokenException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import ru.rutoken.pkcs11jna.CK_ATTRIBUTE;
import ru.rutoken.pkcs11jna.CK_SESSION_INFO;
import ru.rutoken.pkcs11jna.Pkcs11;

/** A read-write session of the wrapper on one slot: login, object search, attributes, objects. */
final class Pkcs11Session implements AutoCloseable {

  private static final int MAX_FOUND = 64;

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
    return api.C_Login(handle, new NativeLong(CKU_USER), pin, new NativeLong(pin.length))
        .longValue();
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
