package fr.aed.station.token.apdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandApduTest {

  @Test
  void encodesShortCommandsWithLe() {
    assertArrayEquals(hex("0020008000"), new CommandApdu(0x00, 0x20, 0x00, 0x80).bytes());
    assertArrayEquals(
        hex("00A4040002A00000"), new CommandApdu(0x00, 0xA4, 0x04, 0x00, hex("A000")).bytes());
  }

  @Test
  void chainsLongDataWithoutLeOnIntermediateParts() {
    List<CommandApdu> parts = new CommandApdu(0x00, 0xDB, 0x3F, 0xFF, new byte[600]).chain();
    assertEquals(3, parts.size());
    assertEquals(0x10, parts.get(0).cla());
    assertEquals(255, parts.get(0).data().length);
    assertEquals(260, parts.get(0).bytes().length);
    assertEquals(0x10, parts.get(1).cla());
    assertEquals(0x00, parts.get(2).cla());
    assertEquals(90, parts.get(2).data().length);
    assertEquals(0x00, parts.get(2).bytes()[parts.get(2).bytes().length - 1]);
  }

  @Test
  void keepsTheLastPartWithLeWithin254Bytes() {
    List<CommandApdu> parts = new CommandApdu(0x00, 0x87, 0x07, 0x9C, new byte[255]).chain();
    assertEquals(2, parts.size());
    assertEquals(254, parts.get(0).data().length);
    assertEquals(1, parts.get(1).data().length);
    assertEquals(1, new CommandApdu(0x00, 0x87, 0x07, 0x9C, new byte[254]).chain().size());
  }

  @Test
  void refusesToEncodeTooLongData() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new CommandApdu(0, 0xDB, 0, 0, new byte[256]).bytes());
  }

  @Test
  void turnsOnlyFailuresIntoExceptions() throws Exception {
    assertArrayEquals(hex("0102"), ResponseApdu.parse(hex("0102 9000")).requireSuccess());
    ApduException failure =
        assertThrows(ApduException.class, () -> ResponseApdu.parse(hex("6A82")).requireSuccess());
    assertEquals(StatusWord.SW_FILE_NOT_FOUND, failure.statusWord());
    assertEquals("card answered 6A82: file or application not found", failure.getMessage());
    assertEquals("verification failed, 2 tries left", StatusWord.describe(0x63C2));
  }

  private static byte[] hex(String text) {
    return HexFormat.of().parseHex(text.replace(" ", ""));
  }
}
