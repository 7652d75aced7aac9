package fr.aed.station.simulator.applet;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;

/**
 * The data objects the card stores, by index in its object store, and who may reach them.
 *
 * <p>The PIV objects 5FC1xx (SP 800-73-4 part 1, table 3) exist on every profile; Yubico's objects
 * 5FFF01 (the attestation key's certificate) and 5FFF00 (ADMIN DATA, where ykman keeps its
 * management key flags and salt) only on the YubiKey profiles. Writing any of them needs the
 * management key; reading needs nothing, except Printed Information (5FC109), which needs the PIN
 * (table 3's access rule), and where ykman keeps a PIN-protected management key.
 */
final class DataObjects {

  // The last byte of the tags 5FC1xx, in the order of the object store.
  static final byte[] PIV_TAGS = {0x02, 0x05, 0x0A, 0x0B, 0x01, 0x07, 0x09};
  static final short CHUID = 0;
  static final short CCC = 5;
  static final short PRINTED = 6;
  static final short ATTESTATION = 7;
  static final short ADMIN_DATA = 8;
  static final short COUNT = 9;

  private DataObjects() {}

  /**
   * The index of the object whose 3-byte tag is at {@code tag} in {@code buffer}; 6A82 when the
   * card, on this profile, has no such object.
   */
  static short index(byte[] buffer, short tag, short tagLength, byte profile) {
    if (tagLength != 3 || buffer[tag] != 0x5F) {
      ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
    }
    byte middle = buffer[(short) (tag + 1)];
    byte last = buffer[(short) (tag + 2)];
    if (middle == (byte) 0xFF && Profile.hasYubicoExtensions(profile)) {
      if (last == 0x01) {
        return ATTESTATION;
      }
      if (last == 0x00) {
        return ADMIN_DATA;
      }
    }
    if (middle == (byte) 0xC1) {
      for (short i = 0; i < PIV_TAGS.length; i++) {
        if (PIV_TAGS[i] == last) {
          return i;
        }
      }
    }
    ISOException.throwIt(ISO7816.SW_FILE_NOT_FOUND);
    return -1;
  }

  /** Whether GET DATA of the object needs the PIN verified in this selection. */
  static boolean readNeedsPin(short index) {
    return index == PRINTED;
  }
}
