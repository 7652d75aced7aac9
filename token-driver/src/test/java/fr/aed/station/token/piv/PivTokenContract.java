package fr.aed.station.token.piv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.token.PinBlockedException;
import fr.aed.station.token.PinStatus;
import fr.aed.station.token.TokenContract;
import fr.aed.station.token.WrongPinException;
import org.junit.jupiter.api.Test;

/**
 * What every card reached through the PIV session must do, beyond the {@link TokenContract}, run on
 * the in-process simulated card and on the simulated card behind pcscd + vpcd. The card may be
 * shared by all the tests (the one behind pcscd is): each test leaves the PIN at its default value
 * with all its tries.
 */
abstract class PivTokenContract extends TokenContract<PivToken> {

  static final String PUK = "12345678";

  @Test
  void wrongPinsCountDownThenBlockAndThePukUnblocks() throws Exception {
    WrongPinException first =
        assertThrows(WrongPinException.class, () -> token.verifyPin("000000".toCharArray()));
    assertEquals(2, first.triesLeft());
    WrongPinException second =
        assertThrows(WrongPinException.class, () -> token.verifyPin("000000".toCharArray()));
    assertEquals(1, second.triesLeft());
    assertThrows(PinBlockedException.class, () -> token.verifyPin("000000".toCharArray()));
    assertThrows(PinBlockedException.class, () -> token.verifyPin(PIN.toCharArray()));
    assertTrue(token.pinStatus().blocked());

    WrongPinException wrongPuk =
        assertThrows(
            WrongPinException.class,
            () -> token.session().unblockPin("00000000".toCharArray(), PIN.toCharArray()));
    assertEquals(2, wrongPuk.triesLeft());
    token.session().unblockPin(PUK.toCharArray(), PIN.toCharArray());
    assertEquals(new PinStatus(false, 3), token.pinStatus());
    token.verifyPin(PIN.toCharArray());
    // The PUK's count is back to 3 only once it is used rightly: unblock again to restore it.
    token.session().changePin(PIN.toCharArray(), PIN.toCharArray());
  }

  @Test
  void pinStatusSpendsNoTry() throws Exception {
    assertEquals(new PinStatus(false, 3), token.pinStatus());
    assertEquals(new PinStatus(false, 3), token.pinStatus());
    assertThrows(WrongPinException.class, () -> token.verifyPin("654321".toCharArray()));
    assertEquals(new PinStatus(false, 2), token.pinStatus());
    token.verifyPin(PIN.toCharArray());
    assertTrue(token.pinStatus().verified());
  }

  @Test
  void changedPinIsTheOneToVerify() throws Exception {
    token.session().changePin(PIN.toCharArray(), "24681357".toCharArray());
    try {
      assertThrows(WrongPinException.class, () -> token.verifyPin(PIN.toCharArray()));
      token.verifyPin("24681357".toCharArray());
    } finally {
      token.session().changePin("24681357".toCharArray(), PIN.toCharArray());
    }
    token.verifyPin(PIN.toCharArray());
  }

  @Test
  void describesTheCardWithItsSerialOrGuid() throws Exception {
    assertEquals("PIV over PC/SC", token.describe().backend());
    String serial = token.describe().serial();
    assertTrue(serial.matches("[0-9]{1,10}|[0-9a-f]{32}"), serial);
  }
}
