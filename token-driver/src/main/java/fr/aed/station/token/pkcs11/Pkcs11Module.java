package fr.aed.station.token.pkcs11;

import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKR_CRYPTOKI_ALREADY_INITIALIZED;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKR_DEVICE_REMOVED;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKR_OK;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKR_SESSION_CLOSED;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKR_SESSION_HANDLE_INVALID;
import static ru.rutoken.pkcs11jna.Pkcs11Constants.CKR_TOKEN_NOT_PRESENT;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.ptr.NativeLongByReference;
import fr.aed.station.token.CardRemovedException;
import fr.aed.station.token.ModuleNotFoundException;
import fr.aed.station.token.TokenException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ru.rutoken.pkcs11jna.CK_ATTRIBUTE;
import ru.rutoken.pkcs11jna.CK_INFO;
import ru.rutoken.pkcs11jna.CK_MECHANISM_INFO;
import ru.rutoken.pkcs11jna.CK_SLOT_INFO;
import ru.rutoken.pkcs11jna.CK_TOKEN_INFO;
import ru.rutoken.pkcs11jna.Pkcs11;

/**
 * A PKCS#11 module loaded through the JNA wrapper {@code ru.rutoken:pkcs11jna}, beside SunPKCS11,
 * for what SunPKCS11 does not offer: slot lookup by label, token flags, attribute reads, object
 * creation and deletion.
 *
 * <p>The process loads a module once and never finalizes it: SunPKCS11 shares the same library
 * instance (the same {@code dlopen} handle), and PKCS#11 login state is per process and slot.
 */
final class Pkcs11Module {

  private static final Map<Path, Pkcs11Module> LOADED = new ConcurrentHashMap<>();

  private final Path path;
  private final Pkcs11 api;

  private Pkcs11Module(Path path, Pkcs11 api) {
    this.path = path;
    this.api = api;
  }

  /**
   * Loads and initializes the module at {@code path}, or returns the one already loaded.
   *
   * @throws ModuleNotFoundException if the file is missing, is not a PKCS#11 library or was built
   *     for another architecture
   * @throws TokenException if the module refuses to initialize
   */
  static Pkcs11Module load(Path path) throws TokenException {
    Path absolute = path.toAbsolutePath().normalize();
    Pkcs11Module known = LOADED.get(absolute);
    if (known != null) {
      return known;
    }
    synchronized (LOADED) {
      known = LOADED.get(absolute);
      if (known != null) {
        return known;
      }
      Pkcs11Module module = new Pkcs11Module(absolute, open(absolute));
      LOADED.put(absolute, module);
      return module;
    }
  }

  private static Pkcs11 open(Path path) throws TokenException {
    if (!Files.isRegularFile(path)) {
      throw new ModuleNotFoundException(path.toString(), "no PKCS#11 module at " + path, null);
    }
    Pkcs11 api;
    try {
      api = Native.load(path.toString(), Pkcs11.class);
    } catch (UnsatisfiedLinkError e) {
      // dlopen refuses files that are not shared libraries and those of another architecture.
      throw new ModuleNotFoundException(
          path.toString(),
          path + " cannot be loaded as a library for this JVM: " + e.getMessage(),
          e);
    }
    long rv;
    try {
      rv = api.C_Initialize(null).longValue();
    } catch (UnsatisfiedLinkError e) {
      throw new ModuleNotFoundException(
          path.toString(), path + " is a library but not a PKCS#11 module", e);
    }
    if (rv != CKR_OK && rv != CKR_CRYPTOKI_ALREADY_INITIALIZED) {
      throw new TokenException(path + " failed to initialize: " + Pkcs11Errors.name(rv));
    }
    return api;
  }

  Path path() {
    return path;
  }

  Pkcs11 api() {
    return api;
  }

  /** The module's manufacturer, as C_GetInfo tells it, such as "Yubico (www.yubico.com)". */
  String manufacturer() throws TokenException {
    CK_INFO info = new CK_INFO();
    check(api.C_GetInfo(info), "C_GetInfo");
    return text(info.manufacturerID);
  }

  /**
   * The smallest and largest key sizes (bits) that {@code slot} offers for {@code mechanism}.
   *
   * @throws Pkcs11CallException with CKR_MECHANISM_INVALID if it offers no such mechanism
   */
  long[] keySizes(long slot, long mechanism) throws TokenException {
    CK_MECHANISM_INFO info = new CK_MECHANISM_INFO();
    check(
        api.C_GetMechanismInfo(new NativeLong(slot), new NativeLong(mechanism), info),
        "C_GetMechanismInfo");
    return new long[] {info.ulMinKeySize.longValue(), info.ulMaxKeySize.longValue()};
  }

  /** The ids of the slots holding a token, in the module's order. */
  List<Long> slotsWithToken() throws TokenException {
    NativeLongByReference count = new NativeLongByReference();
    check(api.C_GetSlotList((byte) 1, null, count), "C_GetSlotList");
    NativeLong[] slots = longs(count.getValue().intValue());
    check(api.C_GetSlotList((byte) 1, slots, count), "C_GetSlotList");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < count.getValue().intValue(); i++) {
      ids.add(slots[i].longValue());
    }
    return ids;
  }

  /** The description of {@code slot}; modules over PC/SC readers give the reader's name. */
  String slotDescription(long slot) throws TokenException {
    CK_SLOT_INFO info = new CK_SLOT_INFO();
    check(api.C_GetSlotInfo(new NativeLong(slot), info), "C_GetSlotInfo");
    return text(info.slotDescription);
  }

  /** The token information of {@code slot}. */
  CK_TOKEN_INFO tokenInfo(long slot) throws TokenException {
    CK_TOKEN_INFO info = new CK_TOKEN_INFO();
    check(api.C_GetTokenInfo(new NativeLong(slot), info), "C_GetTokenInfo");
    return info;
  }

  /**
   * The id of the slot whose token has this label.
   *
   * @throws TokenException if no token, or more than one, has this label
   */
  long slotOfLabel(String label) throws TokenException {
    List<Long> matching = new ArrayList<>();
    for (long slot : slotsWithToken()) {
      if (text(tokenInfo(slot).label).equals(label)) {
        matching.add(slot);
      }
    }
    if (matching.size() != 1) {
      throw new TokenException(
          matching.isEmpty()
              ? "no token labelled '" + label + "' in " + path
              : matching.size() + " tokens labelled '" + label + "' in " + path);
    }
    return matching.get(0);
  }

  /** An array of zeros for the module to fill (JNA cannot pass null elements). */
  static NativeLong[] longs(int size) {
    NativeLong[] values = new NativeLong[size];
    for (int i = 0; i < size; i++) {
      values[i] = new NativeLong(0);
    }
    return values;
  }

  /** A blank-padded PKCS#11 text field, trimmed. */
  static String text(byte[] field) {
    return new String(field, StandardCharsets.UTF_8).trim();
  }

  /** A template of {@code count} attributes laid out contiguously, as C expects. */
  static CK_ATTRIBUTE[] template(int count) {
    return (CK_ATTRIBUTE[]) new CK_ATTRIBUTE().toArray(count);
  }

  /** An attribute of the template ready to receive a value of up to {@code size} bytes. */
  static void expect(CK_ATTRIBUTE attribute, long type, int size) {
    attribute.setAttr(type, new Memory(size), size);
  }

  /**
   * Throws when {@code rv} is not CKR_OK.
   *
   * @throws CardRemovedException if the token or its reader went away (its sessions with it)
   * @throws TokenException naming the function and the return value otherwise
   */
  static void check(NativeLong rv, String function) throws TokenException {
    long value = rv.longValue();
    if (value == CKR_OK) {
      return;
    }
    if (value == CKR_DEVICE_REMOVED
        || value == CKR_TOKEN_NOT_PRESENT
        || value == CKR_SESSION_CLOSED
        || value == CKR_SESSION_HANDLE_INVALID) {
      throw new CardRemovedException(
          "the token was removed: " + function + " " + Pkcs11Errors.name(value), null);
    }
    throw new Pkcs11CallException(function, value);
  }
}
