package fr.aed.station.token.pkcs11;

import static fr.aed.station.token.pkcs11.Pkcs11Module.check;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKF_RW_SESSION;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKF_SERIAL_SESSION;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKF_TOKEN_INITIALIZED;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKU_SO;

import com.sun.jna.NativeLong;
import com.sun.jna.ptr.NativeLongByReference;
import fr.aed.station.token.TokenException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import ru.rutoken.pkcs11jna.Pkcs11;

/**
 * The security officer's side of a PKCS#11 token, which SunPKCS11 does not offer: initializing a
 * token and setting its user PIN (C_InitToken, C_InitPIN), through the wrapper.
 *
 * <p>Modules such as SoftHSM2 read their token directory once, when initialized: a token created by
 * another process ({@code softhsm2-util}) after this process loaded the module stays invisible to
 * it, while one initialized here is seen at once.
 */
public final class Pkcs11Provisioning {

  private Pkcs11Provisioning() {}

  /**
   * Initializes the first uninitialized token of the module with this label and SO PIN, then sets
   * its user PIN. The caller wipes the PINs.
   *
   * @return the id of the slot
   * @throws fr.aed.station.token.ModuleNotFoundException if the module cannot be loaded
   * @throws TokenException if no slot holds an uninitialized token, or the module refuses
   */
  public static long initToken(Path modulePath, String label, char[] soPin, char[] userPin)
      throws TokenException {
    Pkcs11Module module = Pkcs11Module.load(modulePath);
    long slot = uninitializedSlot(module);
    Pkcs11 api = module.api();
    byte[] so = utf8(soPin);
    byte[] user = utf8(userPin);
    try {
      check(
          api.C_InitToken(new NativeLong(slot), so, new NativeLong(so.length), paddedLabel(label)),
          "C_InitToken");
      NativeLongByReference session = new NativeLongByReference();
      check(
          api.C_OpenSession(
              new NativeLong(slot),
              new NativeLong(CKF_SERIAL_SESSION | CKF_RW_SESSION),
              null,
              null,
              session),
          "C_OpenSession");
      try {
        check(
            api.C_Login(session.getValue(), new NativeLong(CKU_SO), so, new NativeLong(so.length)),
            "C_Login(SO)");
        check(api.C_InitPIN(session.getValue(), user, new NativeLong(user.length)), "C_InitPIN");
        api.C_Logout(session.getValue());
      } finally {
        api.C_CloseSession(session.getValue());
      }
      return slot;
    } finally {
      Arrays.fill(so, (byte) 0);
      Arrays.fill(user, (byte) 0);
    }
  }

  private static long uninitializedSlot(Pkcs11Module module) throws TokenException {
    for (long slot : module.slotsWithToken()) {
      if ((module.tokenInfo(slot).flags.longValue() & CKF_TOKEN_INITIALIZED) == 0) {
        return slot;
      }
    }
    throw new TokenException("no uninitialized token in " + module.path());
  }

  // CK_TOKEN_INFO labels are 32 bytes, blank padded, not zero terminated.
  private static byte[] paddedLabel(String label) {
    byte[] text = label.getBytes(StandardCharsets.UTF_8);
    if (text.length > 32) {
      throw new IllegalArgumentException("a token label has at most 32 bytes: " + label);
    }
    byte[] padded = new byte[32];
    Arrays.fill(padded, (byte) ' ');
    System.arraycopy(text, 0, padded, 0, text.length);
    return padded;
  }

  /** The UTF-8 bytes of a PIN; the intermediate buffer is wiped. */
  static byte[] utf8(char[] pin) {
    ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pin));
    byte[] exact = new byte[buffer.remaining()];
    buffer.get(exact);
    Arrays.fill(buffer.array(), (byte) 0);
    return exact;
  }
}
