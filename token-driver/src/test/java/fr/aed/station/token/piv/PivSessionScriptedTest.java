package fr.aed.station.token.piv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.token.PinBlockedException;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.WrongPinException;
import fr.aed.station.token.apdu.ScriptedTransport;
import org.junit.jupiter.api.Test;

class PivSessionScriptedTest {

  private static final String SELECT = "00A404000BA00000030800001000010000";

  @Test
  void aCardWithoutPivSaysSo() {
    ScriptedTransport card = new ScriptedTransport().expect(SELECT, "6A82");
    TokenException missing = assertThrows(TokenException.class, () -> new PivSession(card));
    assertEquals("no PIV application on this card", missing.getMessage());
  }

  @Test
  void verifyPadsThePinAndMapsTheStatusWords() throws Exception {
    ScriptedTransport card =
        new ScriptedTransport()
            .expect(SELECT, "9000")
            .expect("0020008008 313233343536FFFF 00", "63C2")
            .expect("0020008008 3132333435363738 00", "63C0")
            .expect("0020008008 313233343536FFFF 00", "6983");
    PivSession session = new PivSession(card);
    WrongPinException wrong =
        assertThrows(WrongPinException.class, () -> session.verifyPin("123456".toCharArray()));
    assertEquals(2, wrong.triesLeft());
    assertThrows(PinBlockedException.class, () -> session.verifyPin("12345678".toCharArray()));
    assertThrows(PinBlockedException.class, () -> session.verifyPin("123456".toCharArray()));
    assertTrue(card.finished());
  }

  @Test
  void aPinOfWrongLengthNeverReachesTheCard() throws Exception {
    ScriptedTransport card = new ScriptedTransport().expect(SELECT, "9000");
    PivSession session = new PivSession(card);
    assertThrows(TokenException.class, () -> session.verifyPin("12345".toCharArray()));
    assertThrows(TokenException.class, () -> session.verifyPin("123456789".toCharArray()));
    assertTrue(card.finished());
  }

  @Test
  void pinStatusReadsTheTriesWithoutData() throws Exception {
    ScriptedTransport card =
        new ScriptedTransport()
            .expect(SELECT, "9000")
            .expect("0020008000", "63C3")
            .expect("0020008000", "9000");
    PivSession session = new PivSession(card);
    assertEquals(3, session.pinTriesLeft());
    assertEquals(-1, session.pinTriesLeft());
  }

  @Test
  void malformedMetadataIsAFailureOfTheCardNotACrash() throws Exception {
    ScriptedTransport card =
        new ScriptedTransport()
            .expect(SELECT, "9000")
            .expect("00F7009C00", "0101119000")
            .expect("00F7009B00", "6D00");
    PivSession session = new PivSession(card);
    TokenException malformed =
        assertThrows(TokenException.class, () -> session.slotMetadata(PivSlot.SIGNATURE));
    assertTrue(malformed.getMessage().contains("malformed metadata"), malformed.getMessage());
    assertTrue(session.managementKeyMetadata().isEmpty(), "no GET METADATA: nothing to say");
    assertTrue(card.finished());
  }
}
