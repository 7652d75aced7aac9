package fr.aed.station.token.pcsc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.token.apdu.ApduTransport;
import fr.aed.station.token.apdu.GetResponseTransport;
import fr.aed.station.token.apdu.StatusWord;
import fr.aed.station.token.piv.PivSession;
import fr.aed.station.token.piv.PivToken;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Long answers through the station's provider (jnasmartcardio) and {@link GetResponseTransport}, on
 * the simulated card behind pcscd (which chains answers with {@code 61xx}). The provider itself
 * follows up to 8 {@code 61xx} with GET RESPONSE, as SunPCSC does; the decorator must take over
 * only what the provider left, neither losing nor repeating bytes. Writes the card's CCC object
 * (5FC107), so scripts/pcsc-tests runs it on the card it discards afterwards; selected by the Maven
 * profile {@code pcscd} only.
 */
@Tag("pcscd")
class PcscGetResponseTest {

  private static final int OBJECT_CCC = 0x5FC107;

  @Test
  void theProviderAndTheDecoratorShareTheGetResponsesWithoutLossOrRepeat() throws Exception {
    String reader = System.getProperty("pcsc.reader", System.getenv("PCSC_READER"));
    assertFalse(reader == null || reader.isBlank(), "name the reader with -Dpcsc.reader");
    CardTerminal terminal = SystemPcsc.factory().terminals().getTerminal(reader);
    PcscTransport pcsc = new PcscTransport(terminal, terminal.connect("*"));
    List<Integer> seen = new CopyOnWriteArrayList<>();
    try {
      PivSession session = new PivSession(new GetResponseTransport(recording(pcsc, seen)));
      session.authenticateManagementKey(PivToken.DEFAULT_MANAGEMENT_KEY);
      Random random = new Random(7);

      // About 1,000 bytes: the provider fetches every part; the decorator sees only the end.
      byte[] small = new byte[1000];
      random.nextBytes(small);
      session.putObject(OBJECT_CCC, small);
      seen.clear();
      assertArrayEquals(small, session.getObject(OBJECT_CCC).orElseThrow());
      assertEquals(List.of(0x9000), seen);

      // 3,000 bytes: more than the provider's 8 GET RESPONSE bring; the decorator fetches the rest.
      byte[] large = new byte[3000];
      random.nextBytes(large);
      session.putObject(OBJECT_CCC, large);
      seen.clear();
      assertArrayEquals(large, session.getObject(OBJECT_CCC).orElseThrow());
      assertTrue(seen.stream().anyMatch(StatusWord::isBytesRemaining), seen.toString());
      assertEquals(0x9000, seen.get(seen.size() - 1));
    } finally {
      pcsc.close();
    }
  }

  @Test
  void connectsWithTheProtocolSunPcscNegotiates() throws Exception {
    String reader = System.getProperty("pcsc.reader", System.getenv("PCSC_READER"));
    assertFalse(reader == null || reader.isBlank(), "name the reader with -Dpcsc.reader");
    Card jna = SystemPcsc.factory().terminals().getTerminal(reader).connect("*");
    String jnaProtocol = jna.getProtocol();
    jna.disconnect(false);
    Card sun =
        TerminalFactory.getInstance("PC/SC", null).terminals().getTerminal(reader).connect("*");
    String sunProtocol = sun.getProtocol();
    sun.disconnect(false);

    assertTrue(jnaProtocol.equals("T=0") || jnaProtocol.equals("T=1"), jnaProtocol);
    assertEquals(sunProtocol, jnaProtocol);
  }

  private static ApduTransport recording(ApduTransport delegate, List<Integer> statusWords) {
    return new ApduTransport() {
      @Override
      public byte[] transmit(byte[] apdu) throws IOException {
        byte[] answer = delegate.transmit(apdu);
        statusWords.add(
            ((answer[answer.length - 2] & 0xFF) << 8) | (answer[answer.length - 1] & 0xFF));
        return answer;
      }

      @Override
      public byte[] atr() {
        return delegate.atr();
      }

      @Override
      public void close() {
        delegate.close();
      }
    };
  }
}
