package fr.aed.station.token.apdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class GetResponseTransportTest {

  @Test
  void followsBytesRemainingUntilTheEnd() throws Exception {
    ScriptedTransport card =
        new ScriptedTransport()
            .expect("00CB3FFF035C017E00", "0102 6100")
            .expect("00C0000000", "0304 6102")
            .expect("00C0000002", "0506 9000");
    byte[] response = new GetResponseTransport(card).transmit(hex("00CB3FFF035C017E00"));
    assertArrayEquals(hex("010203040506 9000"), response);
    assertTrue(card.finished());
  }

  @Test
  void passesOtherStatusWordsThrough() throws Exception {
    ScriptedTransport card = new ScriptedTransport().expect("0020008000", "63C2");
    assertArrayEquals(hex("63C2"), new GetResponseTransport(card).transmit(hex("0020008000")));
  }

  @Test
  void keepsTheDataAlreadyReceivedWhenGetResponseEndsInError() throws Exception {
    ScriptedTransport card =
        new ScriptedTransport().expect("00CB3FFF00", "AA 6101").expect("00C0000001", "6F00");
    assertArrayEquals(hex("AA 6F00"), new GetResponseTransport(card).transmit(hex("00CB3FFF00")));
  }

  @Test
  void stopsACardThatNeverFinishes() {
    ApduTransport endless =
        new ApduTransport() {
          @Override
          public byte[] transmit(byte[] apdu) {
            return hex("00 6101");
          }

          @Override
          public byte[] atr() {
            return new byte[0];
          }

          @Override
          public void close() {}
        };
    assertThrows(
        IOException.class, () -> new GetResponseTransport(endless).transmit(hex("00CB3FFF00")));
  }

  private static byte[] hex(String text) {
    return HexFormat.of().parseHex(text.replace(" ", ""));
  }
}
