package fr.aed.station.simulator.applet;

import javacard.framework.Util;

/** BER-TLV lengths (ISO 7816-4, 5.2.2), up to 65,535: one, two or three bytes. */
final class BerLength {

  private BerLength() {}

  /** The number of bytes the length {@code length} takes. */
  static short size(short length) {
    return length < 0x80 ? (short) 1 : length < 0x100 ? (short) 2 : (short) 3;
  }

  /** Writes {@code length} at {@code offset}; returns the offset after it. */
  static short write(byte[] buffer, short offset, short length) {
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
}
