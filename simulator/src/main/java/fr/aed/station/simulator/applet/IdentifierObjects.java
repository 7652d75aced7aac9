package fr.aed.station.simulator.applet;

import javacard.framework.Util;
import javacard.security.RandomData;

/**
 * What identifies the card and its PIV application: the answer to SELECT, the Discovery Object, and
 * the Card Holder Unique Identifier and Card Capability Container a PIV card leaves the factory
 * with (SP 800-73-4 part 1, 3.1.1 and 3.1.2), each with random identifiers of its own.
 */
final class IdentifierObjects {

  /** The answer to SELECT: application identifier and its authority (SP 800-73-4 part 2, 3.1.1). */
  static final byte[] APPLICATION_TEMPLATE = {
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

  /** The Discovery Object 7E: the PIV AID and the PIN usage policy (PIV PIN only). */
  static final byte[] DISCOVERY_OBJECT = {
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

  private static final short GUID_SIZE = 16;
  private static final byte[] EXPIRY = {0x32, 0x30, 0x34, 0x30, 0x31, 0x32, 0x33, 0x31};
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

  private IdentifierObjects() {}

  /**
   * Writes a CHUID into {@code chuid}: FASC-N, GUID (random, the card's own), expiry, empty
   * signature and error detection code; returns its length.
   */
  static short writeChuid(byte[] chuid, RandomData random) {
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
    return off;
  }

  /**
   * Writes a CCC into {@code ccc}: card identifier (GSC-RID A0 00 00 01 16, manufacturer FF, card
   * type 02 = Java Card, 14 random bytes), versions, data model 10, empty optional fields; returns
   * its length.
   */
  static short writeCcc(byte[] ccc, RandomData random) {
    short off = 0;
    ccc[off++] = (byte) 0xF0;
    ccc[off++] = 0x15;
    off = Util.arrayCopyNonAtomic(CCC_CARD_ID_PREFIX, (short) 0, ccc, off, (short) 7);
    random.generateData(ccc, off, (short) 14);
    off += 14;
    return Util.arrayCopyNonAtomic(CCC_TAIL, (short) 0, ccc, off, (short) CCC_TAIL.length);
  }
}
