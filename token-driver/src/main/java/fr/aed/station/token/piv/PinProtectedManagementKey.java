package fr.aed.station.token.piv;

import fr.aed.station.token.apdu.Tlv;
import java.util.Arrays;
import java.util.Optional;

/**
 * YubiKey's "PIN-protected management key", as Yubico's tools keep it, a pure codec: the key in the
 * PRINTED object ({@code 5FC109}, which the card gives only after the PIN) as {@code 88 { 89 key
 * }}, and a flag in the ADMIN DATA object ({@code 5FFF00}) as {@code 80 { 81 01 flags }}, flag 02
 * saying the key is stored there.
 */
public final class PinProtectedManagementKey {

  /** The PRINTED object, readable after the PIN only (SP 800-73-4 part 1, table 3). */
  public static final int OBJECT_PRINTED = 0x5FC109;

  /** Yubico's ADMIN DATA object. */
  public static final int OBJECT_ADMIN_DATA = 0x5FFF00;

  private static final int TAG_PROTECTED = 0x88;
  private static final int TAG_KEY = 0x89;
  private static final int TAG_ADMIN = 0x80;
  private static final int TAG_FLAGS = 0x81;
  private static final int FLAG_KEY_STORED = 0x02;

  private PinProtectedManagementKey() {}

  /** The PRINTED object's content holding {@code key}; the caller wipes it. */
  public static byte[] printedObject(ManagementKey key) {
    byte[] bytes = key.bytes();
    try {
      return Tlv.encode(TAG_PROTECTED, Tlv.encode(TAG_KEY, bytes));
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** The ADMIN DATA content flagging the key as stored in PRINTED. */
  public static byte[] adminData() {
    return Tlv.encode(TAG_ADMIN, Tlv.encode(TAG_FLAGS, new byte[] {FLAG_KEY_STORED}));
  }

  /** Whether an ADMIN DATA content says the key is stored in PRINTED; false if malformed. */
  public static boolean flagged(byte[] adminData) {
    try {
      return Tlv.find(adminData, TAG_ADMIN)
          .flatMap(admin -> Tlv.find(admin.value(), TAG_FLAGS))
          .map(flags -> flags.value().length == 1 && (flags.value()[0] & FLAG_KEY_STORED) != 0)
          .orElse(false);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  /** The key bytes a PRINTED content holds, if it holds one in this layout; the caller wipes. */
  public static Optional<byte[]> keyBytes(byte[] printed) {
    try {
      return Tlv.find(printed, TAG_PROTECTED)
          .flatMap(p -> Tlv.find(p.value(), TAG_KEY))
          .map(Tlv::value);
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }
}
