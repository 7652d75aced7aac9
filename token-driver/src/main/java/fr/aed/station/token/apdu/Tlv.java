package fr.aed.station.token.apdu;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One BER-TLV data object (ISO 7816-4, 5.2; ITU-T X.690, 8.1): tags of one to three bytes such as
 * {@code 7C}, {@code 7F49} or {@code 5FC102}, lengths in one to three bytes ({@code 81 xx}, {@code
 * 82 xx xx}). A pure codec.
 *
 * @param tag the tag with all its bytes, such as {@code 0x5FC102}
 * @param value the value bytes
 */
public record Tlv(int tag, byte[] value) {

  public Tlv {
    if (tag <= 0 || tag > 0xFFFFFF) {
      throw new IllegalArgumentException("tag out of range: " + Integer.toHexString(tag));
    }
    value = value.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  /** Encodes tag, length and value. */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
    writeTag(out, tag);
    writeLength(out, value.length);
    out.writeBytes(value);
    return out.toByteArray();
  }

  /** Encodes {@code tag} with {@code value}. */
  public static byte[] encode(int tag, byte[] value) {
    return new Tlv(tag, value).encode();
  }

  /** Concatenates encoded objects, for a constructed value. */
  public static byte[] concat(byte[]... encoded) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : encoded) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /**
   * Decodes the consecutive objects filling {@code data}.
   *
   * @throws IllegalArgumentException if the bytes are not well-formed BER-TLV
   */
  public static List<Tlv> parseAll(byte[] data) {
    List<Tlv> objects = new ArrayList<>();
    int offset = 0;
    while (offset < data.length) {
      int tagStart = offset;
      int tag = data[offset++] & 0xFF;
      if ((tag & 0x1F) == 0x1F) {
        do {
          require(offset < data.length, "tag cut short at " + tagStart);
          tag = (tag << 8) | (data[offset] & 0xFF);
        } while ((data[offset++] & 0x80) != 0);
        require(offset - tagStart <= 3, "tag longer than 3 bytes at " + tagStart);
      }
      require(offset < data.length, "length missing at " + offset);
      int length = data[offset++] & 0xFF;
      if (length > 0x7F) {
        int lengthBytes = length & 0x7F;
        require(lengthBytes >= 1 && lengthBytes <= 2, "unsupported length form at " + offset);
        require(offset + lengthBytes <= data.length, "length cut short at " + offset);
        length = 0;
        for (int i = 0; i < lengthBytes; i++) {
          length = (length << 8) | (data[offset++] & 0xFF);
        }
      }
      require(length <= data.length - offset, "value overruns the data at " + offset);
      objects.add(new Tlv(tag, Arrays.copyOfRange(data, offset, offset + length)));
      offset += length;
    }
    return objects;
  }

  /**
   * Finds the first object with {@code tag} among the consecutive objects filling {@code data}.
   *
   * @throws IllegalArgumentException if the bytes are not well-formed BER-TLV
   */
  public static Optional<Tlv> find(byte[] data, int tag) {
    return parseAll(data).stream().filter(t -> t.tag == tag).findFirst();
  }

  /**
   * The value of the first object with {@code tag}.
   *
   * @throws IllegalArgumentException if there is none or the bytes are not well-formed
   */
  public static byte[] valueOf(byte[] data, int tag) {
    return find(data, tag)
        .orElseThrow(() -> new IllegalArgumentException("no tag " + Integer.toHexString(tag)))
        .value();
  }

  private static void writeTag(ByteArrayOutputStream out, int tag) {
    if (tag > 0xFFFF) {
      out.write(tag >> 16);
    }
    if (tag > 0xFF) {
      out.write(tag >> 8);
    }
    out.write(tag);
  }

  private static void writeLength(ByteArrayOutputStream out, int length) {
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else if (length < 0x10000) {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length);
    } else {
      throw new IllegalArgumentException("value too long for a 3-byte length: " + length);
    }
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException("malformed TLV: " + problem);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Tlv that && tag == that.tag && Arrays.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return 31 * tag + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return String.format("Tlv[%X, %d bytes]", tag, value.length);
  }
}
