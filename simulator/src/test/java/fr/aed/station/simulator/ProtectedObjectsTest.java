package fr.aed.station.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The objects of ykman's PIN-protected management key: Printed Information (5FC109, which SP
 * 800-73-4 lets only the PIN holder read, where ykman keeps the key) on every profile, and Yubico's
 * ADMIN DATA (5FFF00, readable by anyone, flags and salt) on YubiKeys. Writing needs the management
 * key, as for every object.
 */
class ProtectedObjectsTest {

  private static final String GET_PRINTED = "00CB3FFF055C035FC109";
  private static final String GET_ADMIN_DATA = "00CB3FFF055C035FFF00";
  // 88 { 89 <a 24-byte management key> }, as ykman writes it.
  private static final String PRINTED = "881A8918" + "A5".repeat(24);
  // 80 { 81 01 02 (management key protected by the PIN) }
  private static final String ADMIN_DATA = "8003810102";

  @ParameterizedTest
  @EnumSource(CardProfile.class)
  void printedInformationIsWrittenWithTheManagementKeyAndReadWithThePin(CardProfile profile)
      throws Exception {
    try (PivAppletProfilesTest.Selected card = PivAppletProfilesTest.Selected.insert(profile)) {
      CardSession session = card.session();
      assertEquals(0x6982, session.send(GET_PRINTED).getSW(), "no PIN, even for no object");
      session.verifyDefaultPin();
      assertEquals(0x6A82, session.send(GET_PRINTED).getSW(), "none yet");
      String put = put("5FC109", PRINTED);
      assertEquals(0x6982, session.send(put).getSW(), "without the management key");
      session.authenticateManagementKey();
      assertEquals(0x9000, session.send(put).getSW());
      assertEquals("531c" + PRINTED.toLowerCase() + "9000", hex(session.send(GET_PRINTED)));
      session.select();
      assertEquals(0x6982, session.send(GET_PRINTED).getSW(), "the PIN went with the selection");
      session.verifyDefaultPin();
      session.send("00CB3FFF035C017E");
      assertEquals(0x9000, session.send(GET_PRINTED).getSW(), "the PIN once is enough");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = CardProfile.class,
      names = {"YUBIKEY_5_4", "YUBIKEY_5_7"})
  void adminDataIsWrittenWithTheManagementKeyAndReadByAnyone(CardProfile profile) throws Exception {
    try (PivAppletProfilesTest.Selected card = PivAppletProfilesTest.Selected.insert(profile)) {
      CardSession session = card.session();
      assertEquals(0x6A82, session.send(GET_ADMIN_DATA).getSW(), "none yet");
      String put = put("5FFF00", ADMIN_DATA);
      assertEquals(0x6982, session.send(put).getSW(), "without the management key");
      session.authenticateManagementKey();
      assertEquals(0x9000, session.send(put).getSW());
      session.select();
      assertEquals("5305" + ADMIN_DATA.toLowerCase() + "9000", hex(session.send(GET_ADMIN_DATA)));
      // An empty value deletes it, as on a YubiKey.
      session.authenticateManagementKey();
      assertEquals(0x9000, session.send("00DB3FFF075C035FFF005300").getSW());
      assertEquals(0x6A82, session.send(GET_ADMIN_DATA).getSW());
    }
  }

  @Test
  void aPivCardHasNoAdminData() throws Exception {
    try (PivAppletProfilesTest.Selected card =
        PivAppletProfilesTest.Selected.insert(CardProfile.PIV)) {
      CardSession session = card.session();
      assertEquals(0x6A82, session.send(GET_ADMIN_DATA).getSW());
      session.authenticateManagementKey();
      assertEquals(0x6A82, session.send(put("5FFF00", ADMIN_DATA)).getSW());
    }
  }

  private static String put(String tag, String value) {
    String data = "5C03" + tag + "53" + String.format("%02X", value.length() / 2) + value;
    return "00DB3FFF" + String.format("%02X", data.length() / 2) + data;
  }

  private static String hex(javax.smartcardio.ResponseAPDU response) {
    return HexFormat.of().formatHex(response.getBytes());
  }
}
