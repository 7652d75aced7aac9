package fr.aed.station.token.piv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.token.KeySlot;
import fr.aed.station.token.LoginRequiredException;
import fr.aed.station.token.TokenFailure;
import fr.aed.station.token.TokenFailures;
import fr.aed.station.token.apdu.ScriptedTransport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** PivToken's own decisions, against scripted card answers. */
class PivTokenScriptedTest {

  private static final String SELECT = "00A404000BA00000030800001000010000";
  private static final String VERIFY_123456 = "0020008008 313233343536FFFF 00";
  // GET METADATA of 9C: ECCP256, PIN policy always, touch never, generated on the card.
  private static final String METADATA_9C_ALWAYS = "010111 02020301 030101 9000";

  @Test
  void aPinAlwaysKeyRefusedRightAfterVerifyIsNotSaidAPinLeftUnverified() throws Exception {
    byte[] data = "request".getBytes(StandardCharsets.US_ASCII);
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    ScriptedTransport card =
        new ScriptedTransport()
            .expect(SELECT, "9000")
            .expect("00FD000000", "6D00")
            .expect(VERIFY_123456, "9000")
            .expect("00F7009C00", METADATA_9C_ALWAYS)
            .expect("00F7009C00", METADATA_9C_ALWAYS)
            .expect(VERIFY_123456, "9000")
            .expect("0087119C26 7C24 8200 8120" + hash + " 00", "6982");
    try (PivToken token = new PivToken(card, "Reader 00 00")) {
      token.verifyPin("123456".toCharArray());

      LoginRequiredException refused =
          assertThrows(
              LoginRequiredException.class, () -> token.signSha256(KeySlot.SIGNATURE, data));

      assertTrue(refused.pinPresented(), refused.getMessage());
      assertFalse(refused.getMessage().startsWith("verify"), refused.getMessage());
      assertEquals(TokenFailure.KEY_REFUSED_AFTER_PIN, TokenFailures.classify(refused).kind());
    }
    assertTrue(card.finished());
  }

  @Test
  void aKeyUsedBeforeAnyPinIsAPinNotVerified() throws Exception {
    ScriptedTransport card =
        new ScriptedTransport()
            .expect(SELECT, "9000")
            .expect("00FD000000", "6D00")
            .expect("00F7009C00", METADATA_9C_ALWAYS)
            .expect("00F7009C00", METADATA_9C_ALWAYS);
    try (PivToken token = new PivToken(card, "Reader 00 00")) {
      LoginRequiredException refused =
          assertThrows(
              LoginRequiredException.class,
              () -> token.signSha256(KeySlot.SIGNATURE, new byte[] {1}));

      assertFalse(refused.pinPresented(), refused.getMessage());
      assertEquals(TokenFailure.LOGIN_REQUIRED, TokenFailures.classify(refused).kind());
    }
  }
}
