package fr.aed.station.token.apdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlvTest {

  @Test
  void encodesOneTwoAndThreeByteTags() {
    assertArrayEquals(hex("7C 00"), Tlv.encode(0x7C, new byte[0]));
    assertArrayEquals(hex("7F49 02 0102"), Tlv.encode(0x7F49, hex("0102")));
    assertArrayEquals(hex("5FC102 01 FF"), Tlv.encode(0x5FC102, hex("FF")));
  }

  @Test
  void encodesLengthsInOneTwoOrThreeBytes() {
    assertArrayEquals(hex("53 7F"), prefix(Tlv.encode(0x53, new byte[127]), 2));
    assertArrayEquals(hex("53 81 80"), prefix(Tlv.encode(0x53, new byte[128]), 3));
    assertArrayEquals(hex("53 81 FF"), prefix(Tlv.encode(0x53, new byte[255]), 3));
    assertArrayEquals(hex("53 82 0100"), prefix(Tlv.encode(0x53, new byte[256]), 4));
    assertArrayEquals(hex("53 82 0BB8"), prefix(Tlv.encode(0x53, new byte[3000]), 4));
  }

  @Test
  void parsesConsecutiveObjects() {
    List<Tlv> objects = Tlv.parseAll(hex("5C 03 5FC105 53 81 02 AABB 7F49 00"));
    assertEquals(
        List.of(
            new Tlv(0x5C, hex("5FC105")), new Tlv(0x53, hex("AABB")), new Tlv(0x7F49, new byte[0])),
        objects);
  }

  @Test
  void parsesThreeByteTagsAndLongLengths() {
    byte[] value = new byte[300];
    value[299] = 7;
    byte[] encoded = Tlv.concat(hex("5FC10A 82 012C"), value);
    assertArrayEquals(value, Tlv.valueOf(encoded, 0x5FC10A));
  }

  @Test
  void roundTripsAGeneralAuthenticateTemplate() {
    byte[] template =
        Tlv.encode(0x7C, Tlv.concat(Tlv.encode(0x82, new byte[0]), Tlv.encode(0x81, hex("0102"))));
    assertArrayEquals(hex("7C 06 8200 81 02 0102"), template);
    assertArrayEquals(hex("0102"), Tlv.valueOf(Tlv.valueOf(template, 0x7C), 0x81));
  }

  @Test
  void refusesMalformedInput() {
    assertThrows(IllegalArgumentException.class, () -> Tlv.parseAll(hex("53 05 0102")));
    assertThrows(IllegalArgumentException.class, () -> Tlv.parseAll(hex("53")));
    assertThrows(IllegalArgumentException.class, () -> Tlv.parseAll(hex("5F")));
    assertThrows(IllegalArgumentException.class, () -> Tlv.parseAll(hex("53 83 000001 00")));
    assertThrows(IllegalArgumentException.class, () -> Tlv.parseAll(hex("53 82 01")));
    assertThrows(IllegalArgumentException.class, () -> Tlv.valueOf(hex("53 00"), 0x54));
  }

  private static byte[] prefix(byte[] bytes, int length) {
    return Arrays.copyOf(bytes, length);
  }

  private static byte[] hex(String text) {
    return HexFormat.of().parseHex(text.replace(" ", ""));
  }
}
