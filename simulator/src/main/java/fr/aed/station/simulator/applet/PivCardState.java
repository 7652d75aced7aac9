package fr.aed.station.simulator.applet;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javacard.framework.OwnerPIN;
import javacard.framework.PINException;
import javacard.security.CryptoException;
import javacard.security.ECPrivateKey;
import javacard.security.ECPublicKey;
import javacard.security.KeyPair;
import javacard.security.RSAPrivateCrtKey;
import javacard.security.RSAPublicKey;

/**
 * The persistent state of a {@link PivApplet} as text, so that a simulated card keeps its PINs,
 * keys and data objects across restarts. Plain Java, outside the applet's Java Card subset: the
 * simulator calls it between APDUs, no command reaches it.
 *
 * <p>Format 2 is ASCII, one {@code name=value} a line, values in hexadecimal unless said otherwise,
 * lines starting with {@code #} being comments; every entry is required, in this order:
 *
 * <ul>
 *   <li>{@code format=station-piv-card-state/2}, first;
 *   <li>{@code profile}: the card the applet behaves as, {@code yubikey-5.4}, {@code yubikey-5.7}
 *       or {@code piv} (see {@link Profile}); it also gives the answer to GET VERSION;
 *   <li>{@code serial} (4 bytes);
 *   <li>{@code pin}, {@code puk}: the 8-byte values as VERIFY sends them (padded with FF), and
 *       {@code pin.tries}, {@code puk.tries}: the tries left, in decimal, 0 meaning blocked;
 *   <li>{@code management.algorithm} (03 3DES, 08, 0A, 0C AES-128, -192, -256), {@code
 *       management.key} and {@code management.touch-policy} ({@code never} or {@code always});
 *   <li>for each key slot {@code 9a 9c 9d 9e}: {@code key.SLOT.algorithm}, {@code none} for an
 *       empty slot or the PIV algorithm (07 RSA-2048, 05 RSA-3072, 11 EC P-256, 14 EC P-384); for a
 *       key, then {@code key.SLOT.pin-policy} ({@code never}, {@code once} or {@code always}),
 *       {@code key.SLOT.touch-policy} ({@code never}, {@code always} or {@code cached}), {@code
 *       key.SLOT.origin} ({@code generated} or {@code imported}) and the key itself: for RSA {@code
 *       modulus exponent p q dp dq qinv}, for EC {@code private} (the scalar) and {@code public}
 *       (the uncompressed point), each as {@code key.SLOT.NAME};
 *   <li>the attestation key: {@code key.f9.algorithm} (always 11) and its {@code private} and
 *       {@code public} entries;
 *   <li>{@code object.TAG} for each data object, empty when the card has none: 5fc102 (CHUID),
 *       5fc105, 5fc10a, 5fc10b, 5fc101 (the certificates of 9A, 9C, 9D, 9E), 5fc107 (CCC), 5fc109
 *       (printed information), 5fff01 (the attestation certificate) and 5fff00 (ADMIN DATA); the
 *       last two are always empty on profile {@code piv};
 *   <li>{@code sha256}, last: the SHA-256 of every byte before its line, so that a damaged file is
 *       refused rather than read as a different card. The file is written by the simulator only.
 * </ul>
 *
 * <p>Format 1, written before the profiles existed, is still read: it has {@code version} (3 bytes,
 * ignored) after {@code serial}, and neither profile, management touch policy, key policies and
 * origins nor objects 5fc109 and 5fff00. Its cards (3DES factory management key, Yubico's commands)
 * are read as profile {@code yubikey-5.4}, the closest, with the slots' default PIN policies (9A
 * once, 9C always, 9D once, 9E never), no touch, keys generated on the card and no printed
 * information or ADMIN DATA. An RSA-3072 key it may hold stays usable, though that profile does not
 * generate one. The simulator saves such a card in format 2 at once.
 *
 * <p>It holds the private keys, PIN and PUK of a test card in clear: never put a real secret in it.
 */
public final class PivCardState {

  /** The format this class writes; it reads this one and format 1. */
  public static final int FORMAT = 2;

  private static final int FORMAT_1 = 1;

  private static final String FORMAT_NAME = "station-piv-card-state/";
  private static final String CHECKSUM = "sha256";
  private static final String HEADER =
      "# The state of a simulated PIV card (station simulator --state), format "
          + FORMAT
          + ".\n"
          + "# It holds the private keys, PIN and PUK of a TEST card in clear: never put a real"
          + " secret in it.\n"
          + "# Written by the simulator after every command that changes the card; the sha256"
          + " line checks\n"
          + "# every byte above it, so an edited file is refused.\n";
  private static final String[] RSA_PARTS = {"modulus", "exponent", "p", "q", "dp", "dq", "qinv"};
  private static final String ATTESTATION_SLOT = "f9";
  // By Profile code; the same names as CardProfile's.
  private static final String[] PROFILES = {"", "yubikey-5.4", "yubikey-5.7", "piv"};
  private static final String[] PIN_POLICIES = {"", "never", "once", "always"};
  private static final String[] TOUCH_POLICIES = {"", "never", "always", "cached"};
  private static final String[] ORIGINS = {"", "generated", "imported"};
  private static final HexFormat HEX = HexFormat.of();

  private final String text;
  private final int format;
  private final byte profile;

  private PivCardState(String text, int format, byte profile) {
    this.text = text;
    this.format = format;
    this.profile = profile;
  }

  /** The number of state-changing commands the applet has seen, to know when to save it. */
  public static int changeCount(PivApplet applet) {
    return applet.stateChanges;
  }

  /** The current state of {@code applet}. */
  public static PivCardState of(PivApplet applet) {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("format", FORMAT_NAME + FORMAT);
    entries.put("profile", PROFILES[applet.profile]);
    entries.put("serial", HEX.formatHex(applet.serial));
    entries.put("pin", HEX.formatHex(applet.pinValue));
    entries.put("pin.tries", Integer.toString(applet.pin.getTriesRemaining()));
    entries.put("puk", HEX.formatHex(applet.pukValue));
    entries.put("puk.tries", Integer.toString(applet.puk.getTriesRemaining()));
    ManagementKey management = applet.managementKey;
    byte[] key = new byte[ManagementKey.length(management.algorithm)];
    management.value(key, (short) 0);
    entries.put("management.algorithm", hexByte(management.algorithm));
    entries.put("management.key", HEX.formatHex(key));
    entries.put("management.touch-policy", TOUCH_POLICIES[management.touchPolicy]);
    for (short slot = 0; slot < PivApplet.SLOT_REFERENCES.length; slot++) {
      String name = hexByte(PivApplet.SLOT_REFERENCES[slot]);
      byte slotAlgorithm = applet.slotAlgorithms[slot];
      if (slotAlgorithm == 0) {
        entries.put("key." + name + ".algorithm", "none");
      } else {
        String prefix = "key." + name + ".";
        entries.put(prefix + "algorithm", hexByte(slotAlgorithm));
        entries.put(prefix + "pin-policy", PIN_POLICIES[applet.slotPinPolicies[slot]]);
        entries.put(prefix + "touch-policy", TOUCH_POLICIES[applet.slotTouchPolicies[slot]]);
        entries.put(prefix + "origin", ORIGINS[applet.slotOrigins[slot]]);
        putKeyPair(
            entries,
            name,
            slotAlgorithm,
            applet.keyPairs[PivApplet.keyPairIndex(slot, slotAlgorithm)]);
      }
    }
    entries.put("key." + ATTESTATION_SLOT + ".algorithm", hexByte(PivApplet.ALG_EC_P256));
    putKeyPair(entries, ATTESTATION_SLOT, PivApplet.ALG_EC_P256, applet.attestationKey);
    for (short i = 0; i < DataObjects.COUNT; i++) {
      byte[] object = (byte[]) applet.objects[i];
      entries.put("object." + objectName(i), HEX.formatHex(object, 0, applet.objectLengths[i]));
    }
    StringBuilder body = new StringBuilder(HEADER);
    entries.forEach((name, value) -> body.append(name).append('=').append(value).append('\n'));
    String checksum = sha256(body);
    body.append(CHECKSUM).append('=').append(checksum).append('\n');
    return new PivCardState(body.toString(), FORMAT, applet.profile);
  }

  /**
   * Reads a state written by {@link #text()}.
   *
   * @throws IllegalArgumentException naming the problem when {@code text} is not a state of a
   *     supported format, or was damaged
   */
  public static PivCardState parse(String text) {
    int format = format(text);
    // The checksum first: a truncated or edited file is said so before any of its lines is read.
    int checksumLine = text.lastIndexOf("\n" + CHECKSUM + "=") + 1;
    if (checksumLine == 0) {
      throw new IllegalArgumentException("damaged: its sha256 line is missing (truncated?)");
    }
    String last = text.substring(checksumLine).strip();
    if (last.contains("\n")) {
      throw new IllegalArgumentException("damaged: something follows its sha256 line");
    }
    String checksum = last.substring(CHECKSUM.length() + 1);
    if (!checksum.equalsIgnoreCase(sha256(text.substring(0, checksumLine)))) {
      throw new IllegalArgumentException(
          "damaged: its content does not match its sha256 line (edited or corrupted)");
    }
    Map<String, String> entries = entries(text);
    byte profile =
        format == FORMAT_1
            ? Profile.YUBIKEY_5_4
            : (byte) new Entries(entries).choice("profile", PROFILES);
    return new PivCardState(text, format, profile);
  }

  // The format named by the first line that is not a comment.
  private static int format(String text) {
    for (String line : text.split("\n", -1)) {
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      String prefix = "format=" + FORMAT_NAME;
      if (!stripped.startsWith(prefix)) {
        break;
      }
      String number = stripped.substring(prefix.length());
      if (number.equals(Integer.toString(FORMAT))) {
        return FORMAT;
      }
      if (number.equals(Integer.toString(FORMAT_1))) {
        return FORMAT_1;
      }
      throw new IllegalArgumentException(
          "format "
              + number
              + " is not supported: this simulator reads formats "
              + FORMAT_1
              + " and "
              + FORMAT);
    }
    throw new IllegalArgumentException(
        "not a simulated card state: it does not begin with format=" + FORMAT_NAME + FORMAT);
  }

  /**
   * The {@link Profile} of the card: the applet to restore this state into must be installed with
   * it.
   */
  public byte profile() {
    return profile;
  }

  /** The name of {@code profile} in state files: yubikey-5.4, yubikey-5.7 or piv. */
  public static String profileName(byte profile) {
    if (profile < 1 || profile >= PROFILES.length) {
      throw new IllegalArgumentException("no profile " + profile);
    }
    return PROFILES[profile];
  }

  /** The state as the text of a state file. */
  public String text() {
    return text;
  }

  /**
   * Puts this state into {@code applet}, a card just installed.
   *
   * @throws IllegalArgumentException naming the entry when an entry is missing, unexpected or has a
   *     value the card cannot hold; the applet is then left half restored and must be discarded
   */
  public void restoreInto(PivApplet applet) {
    if (applet.profile != profile) {
      throw new IllegalArgumentException(
          "the card is a " + PROFILES[applet.profile] + ", the state a " + PROFILES[profile]);
    }
    Map<String, String> entries = entries(text);
    entries.remove("format");
    entries.remove(CHECKSUM);
    Entries in = new Entries(entries);
    boolean format1 = format == FORMAT_1;
    try {
      if (!format1) {
        in.take("profile");
      }
      in.copy("serial", applet.serial);
      if (format1) {
        in.copy("version", new byte[3]);
      }
      restorePin(applet.pin, applet.pinValue, in, "pin");
      restorePin(applet.puk, applet.pukValue, in, "puk");
      restoreManagementKey(applet, in, format1);
      for (short slot = 0; slot < PivApplet.SLOT_REFERENCES.length; slot++) {
        restoreSlot(applet, in, slot, format1);
      }
      String attestation = "key." + ATTESTATION_SLOT + ".algorithm";
      if (in.algorithm(attestation, in.take(attestation)) != PivApplet.ALG_EC_P256) {
        throw new IllegalArgumentException(attestation + " must be 11 (EC P-256)");
      }
      restoreKeyPair(in, ATTESTATION_SLOT, PivApplet.ALG_EC_P256, applet.attestationKey);
      for (short i = 0; i < DataObjects.COUNT; i++) {
        restoreObject(applet, in, i, format1);
      }
    } catch (CryptoException | PINException refused) {
      throw new IllegalArgumentException("the card refused a value: " + refused, refused);
    }
    in.requireAllUsed();
  }

  private static void restoreSlot(PivApplet applet, Entries in, short slot, boolean format1) {
    byte reference = PivApplet.SLOT_REFERENCES[slot];
    String prefix = "key." + hexByte(reference) + ".";
    String algorithm = in.take(prefix + "algorithm");
    applet.slotAlgorithms[slot] = 0;
    if (algorithm.equals("none")) {
      return;
    }
    byte value = in.algorithm(prefix + "algorithm", algorithm);
    if (format1) {
      applet.slotPinPolicies[slot] = KeyPolicy.defaultPinPolicy(reference);
      applet.slotTouchPolicies[slot] = KeyPolicy.TOUCH_NEVER;
      applet.slotOrigins[slot] = KeyPolicy.ORIGIN_GENERATED;
    } else {
      applet.slotPinPolicies[slot] = (byte) in.choice(prefix + "pin-policy", PIN_POLICIES);
      applet.slotTouchPolicies[slot] = (byte) in.choice(prefix + "touch-policy", TOUCH_POLICIES);
      applet.slotOrigins[slot] = (byte) in.choice(prefix + "origin", ORIGINS);
    }
    restoreKeyPair(
        in, hexByte(reference), value, applet.keyPairs[PivApplet.keyPairIndex(slot, value)]);
    applet.slotAlgorithms[slot] = value;
  }

  private static void restoreObject(PivApplet applet, Entries in, short index, boolean format1) {
    String name = "object." + objectName(index);
    byte[] value =
        format1 && (index == DataObjects.PRINTED || index == DataObjects.ADMIN_DATA)
            ? new byte[0]
            : in.bytes(name);
    if (value.length > PivApplet.OBJECT_CAPACITY) {
      throw new IllegalArgumentException(name + " is longer than the card's objects");
    }
    boolean yubico = index == DataObjects.ATTESTATION || index == DataObjects.ADMIN_DATA;
    if (yubico && value.length > 0 && !Profile.hasYubicoExtensions(applet.profile)) {
      throw new IllegalArgumentException(
          name + " must be empty: profile " + PROFILES[applet.profile] + " has no such object");
    }
    System.arraycopy(value, 0, (byte[]) applet.objects[index], 0, value.length);
    applet.objectLengths[index] = (short) value.length;
  }

  private static void restorePin(OwnerPIN reference, byte[] copy, Entries in, String name) {
    byte[] value = in.bytes(name);
    if (value.length != PivApplet.PIN_SIZE) {
      throw new IllegalArgumentException(name + " must be " + PivApplet.PIN_SIZE + " bytes");
    }
    int tries = in.number(name + ".tries", PivApplet.PIN_TRIES);
    reference.update(value, (short) 0, PivApplet.PIN_SIZE);
    System.arraycopy(value, 0, copy, 0, value.length);
    // OwnerPIN has no setter for its counter: spend the tries that were spent, with a wrong value.
    byte[] wrong = value.clone();
    wrong[0] ^= (byte) 0xFF;
    for (int i = tries; i < PivApplet.PIN_TRIES; i++) {
      reference.check(wrong, (short) 0, PivApplet.PIN_SIZE);
    }
  }

  private static void restoreManagementKey(PivApplet applet, Entries in, boolean format1) {
    byte algorithm = (byte) in.number("management.algorithm", 0xFF, 16);
    if (algorithm != ManagementKey.ALG_3DES
        && algorithm != ManagementKey.ALG_AES_128
        && algorithm != ManagementKey.ALG_AES_192
        && algorithm != ManagementKey.ALG_AES_256) {
      throw new IllegalArgumentException("management.algorithm must be 03, 08, 0a or 0c");
    }
    byte[] key = in.bytes("management.key");
    if (key.length != ManagementKey.length(algorithm)) {
      throw new IllegalArgumentException("management.key has the wrong length for its algorithm");
    }
    byte touch = KeyPolicy.TOUCH_NEVER;
    if (!format1) {
      touch = (byte) in.choice("management.touch-policy", TOUCH_POLICIES);
      if (touch == KeyPolicy.TOUCH_CACHED) {
        throw new IllegalArgumentException("management.touch-policy must be never or always");
      }
    }
    applet.managementKey.set(algorithm, key, (short) 0, touch);
  }

  private static void putKeyPair(
      Map<String, String> entries, String slot, byte algorithm, KeyPair pair) {
    String prefix = "key." + slot + ".";
    byte[] buffer = new byte[512];
    if (PivApplet.isRsa(algorithm)) {
      RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
      RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) pair.getPrivate();
      for (int i = 0; i < RSA_PARTS.length; i++) {
        short length = rsaPart(publicKey, privateKey, i, buffer);
        entries.put(prefix + RSA_PARTS[i], HEX.formatHex(buffer, 0, length));
      }
    } else {
      short length = ((ECPrivateKey) pair.getPrivate()).getS(buffer, (short) 0);
      entries.put(prefix + "private", HEX.formatHex(buffer, 0, length));
      length = ((ECPublicKey) pair.getPublic()).getW(buffer, (short) 0);
      entries.put(prefix + "public", HEX.formatHex(buffer, 0, length));
    }
  }

  private static short rsaPart(
      RSAPublicKey publicKey, RSAPrivateCrtKey privateKey, int part, byte[] buffer) {
    return switch (part) {
      case 0 -> publicKey.getModulus(buffer, (short) 0);
      case 1 -> publicKey.getExponent(buffer, (short) 0);
      case 2 -> privateKey.getP(buffer, (short) 0);
      case 3 -> privateKey.getQ(buffer, (short) 0);
      case 4 -> privateKey.getDP1(buffer, (short) 0);
      case 5 -> privateKey.getDQ1(buffer, (short) 0);
      default -> privateKey.getPQ(buffer, (short) 0);
    };
  }

  private static void restoreKeyPair(Entries in, String slot, byte algorithm, KeyPair pair) {
    String prefix = "key." + slot + ".";
    if (PivApplet.isRsa(algorithm)) {
      RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
      RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) pair.getPrivate();
      byte[][] parts = new byte[RSA_PARTS.length][];
      for (int i = 0; i < parts.length; i++) {
        parts[i] = in.bytes(prefix + RSA_PARTS[i]);
      }
      if (parts[0].length != publicKey.getSize() / 8
          || !new BigInteger(1, parts[0])
              .equals(new BigInteger(1, parts[2]).multiply(new BigInteger(1, parts[3])))) {
        throw new IllegalArgumentException(
            prefix
                + "modulus is not the product of p and q of a "
                + publicKey.getSize()
                + "-bit key");
      }
      publicKey.setModulus(parts[0], (short) 0, (short) parts[0].length);
      publicKey.setExponent(parts[1], (short) 0, (short) parts[1].length);
      privateKey.setP(parts[2], (short) 0, (short) parts[2].length);
      privateKey.setQ(parts[3], (short) 0, (short) parts[3].length);
      privateKey.setDP1(parts[4], (short) 0, (short) parts[4].length);
      privateKey.setDQ1(parts[5], (short) 0, (short) parts[5].length);
      privateKey.setPQ(parts[6], (short) 0, (short) parts[6].length);
    } else {
      ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
      byte[] scalar = in.bytes(prefix + "private");
      byte[] point = in.bytes(prefix + "public");
      requireOnCurve(publicKey, point, prefix + "public");
      ((ECPrivateKey) pair.getPrivate()).setS(scalar, (short) 0, (short) scalar.length);
      publicKey.setW(point, (short) 0, (short) point.length);
    }
    // The key objects were filled at install: a saved component shorter than the one there (a
    // leading zero byte, one key in 256) would sign with stale bytes (jCardSim's defect, see
    // KeyMaterial.normalize), as a restored card's attestation key once did.
    KeyMaterial.normalize(pair, PivApplet.isRsa(algorithm), new byte[RESTORE_SCRATCH]);
  }

  // Room for the longest component, half an RSA-3072 modulus.
  private static final int RESTORE_SCRATCH = 256;

  // y^2 = x^3 + ax + b (mod p), for an uncompressed point of the key's curve.
  private static void requireOnCurve(ECPublicKey key, byte[] point, String name) {
    byte[] buffer = new byte[128];
    int fieldLength = key.getField(buffer, (short) 0);
    BigInteger p = new BigInteger(1, Arrays.copyOf(buffer, fieldLength));
    BigInteger a = new BigInteger(1, Arrays.copyOf(buffer, key.getA(buffer, (short) 0)));
    BigInteger b = new BigInteger(1, Arrays.copyOf(buffer, key.getB(buffer, (short) 0)));
    if (point.length != 1 + 2 * fieldLength || point[0] != 0x04) {
      throw new IllegalArgumentException(name + " is not an uncompressed point of the curve");
    }
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + fieldLength));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 1 + fieldLength, point.length));
    if (!y.pow(2).mod(p).equals(x.pow(3).add(a.multiply(x)).add(b).mod(p))) {
      throw new IllegalArgumentException(name + " is not a point of the curve");
    }
  }

  private static Map<String, String> entries(String text) {
    Map<String, String> entries = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int equals = line.indexOf('=');
      if (equals <= 0 && entries.isEmpty()) {
        throw new IllegalArgumentException(
            "not a simulated card state: it does not begin with format=" + FORMAT_NAME + FORMAT);
      }
      if (equals <= 0) {
        throw new IllegalArgumentException("line " + (i + 1) + " is not name=value");
      }
      String name = line.substring(0, equals);
      if (entries.isEmpty() && !name.equals("format")) {
        throw new IllegalArgumentException(
            "not a simulated card state: it does not begin with format=" + FORMAT_NAME + FORMAT);
      }
      if (entries.put(name, line.substring(equals + 1)) != null) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + name + " appears twice");
      }
    }
    return entries;
  }

  private static String objectName(short index) {
    if (index == DataObjects.ATTESTATION) {
      return "5fff01";
    }
    if (index == DataObjects.ADMIN_DATA) {
      return "5fff00";
    }
    return "5fc1" + hexByte(DataObjects.PIV_TAGS[index]);
  }

  private static String hexByte(byte value) {
    return HEX.toHexDigits(value);
  }

  private static String sha256(CharSequence text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HEX.formatHex(digest.digest(text.toString().getBytes(StandardCharsets.ISO_8859_1)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The entries not restored yet; each one is taken once. */
  private static final class Entries {
    private final Map<String, String> remaining;

    Entries(Map<String, String> entries) {
      remaining = entries;
    }

    String take(String name) {
      String value = remaining.remove(name);
      if (value == null) {
        throw new IllegalArgumentException(name + " is missing");
      }
      return value;
    }

    byte[] bytes(String name) {
      String value = take(name);
      try {
        return HEX.parseHex(value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + " is not hexadecimal", e);
      }
    }

    void copy(String name, byte[] target) {
      byte[] value = bytes(name);
      if (value.length != target.length) {
        throw new IllegalArgumentException(name + " must be " + target.length + " bytes");
      }
      System.arraycopy(value, 0, target, 0, target.length);
    }

    int number(String name, int max) {
      return number(name, max, 10);
    }

    int number(String name, int max, int radix) {
      String value = take(name);
      try {
        int number = Integer.parseInt(value, radix);
        if (number >= 0 && number <= max) {
          return number;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(name + " " + value + " is not between 0 and " + max);
    }

    // The index in names of the entry's value, which must be one of them (index 0 excepted).
    int choice(String name, String[] names) {
      String value = take(name);
      for (int i = 1; i < names.length; i++) {
        if (names[i].equals(value)) {
          return i;
        }
      }
      throw new IllegalArgumentException(
          name
              + " "
              + value
              + " is not one of "
              + String.join(", ", Arrays.asList(names).subList(1, names.length)));
    }

    byte algorithm(String name, String value) {
      for (byte algorithm : PivApplet.ALGORITHMS) {
        if (hexByte(algorithm).equals(value.toLowerCase(Locale.ROOT))) {
          return algorithm;
        }
      }
      throw new IllegalArgumentException(name + " " + value + " is not 07, 05, 11, 14 or none");
    }

    void requireAllUsed() {
      if (!remaining.isEmpty()) {
        throw new IllegalArgumentException(
            "unexpected entries: " + String.join(", ", remaining.keySet()));
      }
    }
  }
}
