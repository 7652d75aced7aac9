package fr.aed.station.token.pcsc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import jnasmartcardio.ScriptedLibpcsclite;
import org.junit.jupiter.api.Test;

/** The single transmission PcscTransport uses over jnasmartcardio, without pcscd. */
class SystemPcscTest {

  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  @Test
  void thePinnedProviderSendsEachApduOnceAndGivesTheCardsAnswerAsItIs() throws Exception {
    // Without its transparent mode PcscTransport would be back on the provider's lossy GET
    // RESPONSE loop: a card announcing more bytes is sent GET RESPONSE by the provider itself.
    List<String> sent = new ArrayList<>();
    CardChannel channel =
        ScriptedLibpcsclite.channel(
            apdu -> {
              sent.add(HEX.formatHex(apdu));
              return HEX.parseHex("AABB6110");
            });

    assertTrue(SystemPcsc.sendsOnce(channel));
    assertArrayEquals(
        HEX.parseHex("AABB6110"),
        SystemPcsc.transmitOnce(channel, HEX.parseHex("00CB3FFF055C035FC10700")));
    assertEquals(List.of("00CB3FFF055C035FC10700"), sent);
  }

  // Seen through pcscd + vpcd with the card pulled as it answered: SCardTransmit "succeeded" with
  // no byte, and the provider's transparent mode threw IllegalArgumentException out of the meeting.
  @Test
  void anAnswerWithoutStatusWordIsAFailedTransmissionNotACrash() {
    CardChannel channel = ScriptedLibpcsclite.channel(apdu -> new byte[0]);

    CardException failed =
        assertThrows(
            CardException.class,
            () -> SystemPcsc.transmitOnce(channel, HEX.parseHex("00CB3FFF055C035FC10700")));
    assertTrue(failed.getMessage().contains("without a status word"), failed.getMessage());
  }

  @Test
  void wrongLengthIsAnsweredBySendingAgainWithTheCardsLe() throws Exception {
    List<String> sent = new ArrayList<>();
    byte[] answer =
        SystemPcsc.transmitOnce(
            apdu -> {
              sent.add(HEX.formatHex(apdu));
              return sent.size() == 1 ? HEX.parseHex("6C08") : HEX.parseHex("01020304050607089000");
            },
            HEX.parseHex("00CA010000"));

    assertEquals(List.of("00CA010000", "00CA010008"), sent);
    assertArrayEquals(HEX.parseHex("01020304050607089000"), answer);
  }

  @Test
  void bytesRemainingAndCommandsWithoutLeAreLeftAsTheCardAnswered() throws Exception {
    List<String> sent = new ArrayList<>();
    // 61xx is GetResponseTransport's; a 6Cxx to a command without Le has no Le to correct.
    assertArrayEquals(
        HEX.parseHex("AA6110"),
        SystemPcsc.transmitOnce(
            apdu -> {
              sent.add(HEX.formatHex(apdu));
              return HEX.parseHex("AA6110");
            },
            HEX.parseHex("00CB3FFF055C035FC10700")));
    assertArrayEquals(
        HEX.parseHex("6C08"),
        SystemPcsc.transmitOnce(
            apdu -> {
              sent.add(HEX.formatHex(apdu));
              return HEX.parseHex("6C08");
            },
            HEX.parseHex("00DA3FFF025C01")));
    assertEquals(List.of("00CB3FFF055C035FC10700", "00DA3FFF025C01"), sent);
  }
}
