package fr.aed.station.token.pkcs11;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import ru.rutoken.pkcs11jna.Pkcs11Constants;

/** The names of PKCS#11 return values, read once from the wrapper's constants. */
final class Pkcs11Errors {

  private static final Map<Long, String> NAMES = names();

  private Pkcs11Errors() {}

  /** {@code CKR_PIN_INCORRECT (0xa0)}, or the hex value alone when it has no name. */
  static String name(long returnValue) {
    String hex = "0x" + Long.toHexString(returnValue);
    String name = NAMES.get(returnValue);
    return name == null ? hex : name + " (" + hex + ")";
  }

  private static Map<Long, String> names() {
    Map<Long, String> names = new HashMap<>();
    for (Field field : Pkcs11Constants.class.getFields()) {
      if (field.getName().startsWith("CKR_")
          && Modifier.isStatic(field.getModifiers())
          && field.getType() == long.class) {
        try {
          names.putIfAbsent(field.getLong(null), field.getName());
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("public constant not readable", e);
        }
      }
    }
    return names;
  }
}
