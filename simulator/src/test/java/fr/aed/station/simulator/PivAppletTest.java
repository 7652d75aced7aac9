package fr.aed.station.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PivAppletTest {

  private SimulatedCard card;
  private CardSession session;

  @BeforeEach
  void insert() throws Exception {
    card = SimulatedCard.insert();
    session = new CardSession(card);
  }

  @AfterEach
  void remove() throws Exception {
    session.close();
    card.close();
  }

  @Test
  void selectByFullOrShortAidAnswersTheApplicationTemplate() throws Exception {
    byte[] template = HexFormat.of().parseHex("61114F0600001000010079074F05A000000308");
    ResponseAPDU full = session.send("00A404000BA000000308000010000100");
    assertEquals(0x9000, full.getSW());
    assertArrayEquals(template, full.getData());
    ResponseAPDU prefix = session.send("00A4040005A000000308");
    assertEquals(0x9000, prefix.getSW());
    assertArrayEquals(template, prefix.getData());
  }

  @Test
  void verifyCountsTriesAndBlocks() throws Exception {
    session.select();
    assertEquals(0x63C3, session.send("0020008000").getSW());
    assertEquals(0x63C2, session.send("0020008008313131313131FFFF").getSW());
    assertEquals(0x63C2, session.send("00200080").getSW());
    session.verifyDefaultPin();
    assertEquals(0x9000, session.send("00200080").getSW());
    assertEquals(0x63C2, session.send("0020008008313131313131FFFF").getSW());
    assertEquals(0x63C1, session.send("0020008008313131313131FFFF").getSW());
    assertEquals(0x63C0, session.send("0020008008313131313131FFFF").getSW());
    assertEquals(0x6983, session.send("0020008008313233343536FFFF").getSW());
    assertEquals(0x6983, session.send("00200080").getSW());
  }

  @Test
  void pinValidationIsDroppedOnReselect() throws Exception {
    session.select();
    session.verifyDefaultPin();
    session.select();
    assertEquals(0x63C3, session.send("00200080").getSW());
  }

  @Test
  void generateNeedsTheManagementKey() throws Exception {
    session.select();
    assertEquals(0x6982, session.send("004700 9A 05 AC03800111").getSW());
  }

  @Test
  void wrongWitnessIsRefused() throws Exception {
    session.select();
    // The default card's management key is AES-192: 16-byte witness and challenge.
    assertEquals(0x9000, session.send("00870A9B047C028000").getSW());
    String zeros = "00".repeat(16);
    assertEquals(
        0x6982, session.send("00870A9B267C248010" + zeros + "8110" + "01".repeat(16)).getSW());
  }

  @Test
  void generatesRsaKeysWithGetResponse() throws Exception {
    session.select();
    session.authenticateManagementKey();
    ResponseAPDU first = session.send("0047009A05AC03800107");
    assertEquals(0x61, first.getSW1());
    ResponseAPDU key = session.sendAll("0047009A05AC03800107");
    assertEquals(0x9000, key.getSW());
    byte[] data = key.getData();
    assertEquals("7f49820109818201", HexFormat.of().formatHex(data, 0, 8));
    assertEquals(5 + 0x109, data.length);
  }

  @Test
  void generateRefusesUnknownAlgorithmAndSlot() throws Exception {
    session.select();
    session.authenticateManagementKey();
    assertEquals(0x6A80, session.send("0047009A05AC03800199").getSW());
    assertEquals(0x6A86, session.send("0047009505AC03800111").getSW());
    assertEquals(0x6A80, session.send("0047009A03AC0380").getSW());
  }

  @Test
  void signsWithEcAfterPin() throws Exception {
    session.select();
    session.authenticateManagementKey();
    ResponseAPDU key = session.sendAll("0047009C05AC03800111");
    assertEquals("7f49438641", HexFormat.of().formatHex(key.getData(), 0, 5));
    String hash = "00".repeat(31) + "01";
    String sign = "0087119C267C248200 8120" + hash;
    assertEquals(0x6982, session.send(sign).getSW());
    session.verifyDefaultPin();
    ResponseAPDU signature = session.sendAll(sign);
    assertEquals(0x9000, signature.getSW());
    assertEquals(0x7C, signature.getData()[0]);
    assertEquals(0x6A88, session.send("0087119A267C248200 8120" + hash).getSW());
  }

  // A plain PIV card ships with a CHUID; YubiKeys do not (PivAppletProfilesTest).
  @Test
  void getDataServesChuidAndDiscoveryButNotAbsentObjects() throws Exception {
    try (SimulatedCard piv = SimulatedCard.insert(CardProfile.PIV);
        CardSession pivSession = new CardSession(piv)) {
      pivSession.select();
      ResponseAPDU chuid = pivSession.sendAll("00CB3FFF055C035FC102");
      assertEquals(0x9000, chuid.getSW());
      assertEquals(0x53, chuid.getData()[0]);
      ResponseAPDU discovery = pivSession.sendAll("00CB3FFF035C017E");
      assertEquals("7e124f0ba0000003080000100001005f2f024000", hex(discovery.getData()));
      assertEquals(0x6A82, pivSession.send("00CB3FFF055C035FC105").getSW());
    }
  }

  @Test
  void putDataWithChainingThenGetDataWithShortLe() throws Exception {
    session.select();
    String object = "AB".repeat(600);
    String body = "5C035FC10A538202 58" + object;
    assertEquals(0x6982, session.send("00DB3FFF0A5C035FC10A5303010203").getSW());
    session.authenticateManagementKey();
    String all = body.replace(" ", "");
    int total = all.length() / 2;
    for (int offset = 0; offset < total; offset += 255) {
      int length = Math.min(255, total - offset);
      String cla = offset + length < total ? "10" : "00";
      String chunk = all.substring(offset * 2, (offset + length) * 2);
      assertEquals(
          0x9000, session.send(cla + "DB3FFF" + String.format("%02X", length) + chunk).getSW());
    }
    ResponseAPDU first = session.send("00CB3FFF055C035FC10A08");
    assertEquals(8, first.getData().length);
    assertEquals(0x61, first.getSW1());
    ResponseAPDU read = session.sendAll("00CB3FFF055C035FC10A00");
    assertEquals("53820258" + object.toLowerCase(), hex(read.getData()));
  }

  @Test
  void staysUsableAfterMalformedInput() throws Exception {
    session.select();
    assertEquals(0x6D00, session.send("00110000").getSW());
    assertEquals(0x6E00, session.send("80200080").getSW());
    assertEquals(0x6A80, session.send("00CB3FFF035C0F7E").getSW());
    assertEquals(0x6700, session.send("0020008003313233").getSW());
    session.verifyDefaultPin();
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
