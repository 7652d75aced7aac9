package fr.aed.station.token.pcsc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.token.apdu.ApduTransport;
import fr.aed.station.token.apdu.GetResponseTransport;
import fr.aed.station.token.apdu.StatusWord;
import fr.aed.station.token.piv.ManagementKey;
import fr.aed.station.token.piv.ManagementKeyAlgorithm;
import fr.aed.station.token.piv.PivSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Long answers through the station's provider (jnasmartcardio) and {@link GetResponseTransport}, on
 * the simulated card behind pcscd (which chains answers with {@code 61xx}). PcscTransport sends
 * each APDU with one SCardTransmit, so the decorator alone follows {@code 61xx}: every part arrives
 * once, in order, even past the 2,048 bytes where the provider's own loop drops the status word
 * (recorded, not asserted, in target/pcsc-get-response.txt). Writes the card's CCC object (5FC107),
 * so scripts/pcsc-tests runs it on the card it discards afterwards; selected by the Maven profile
 * {@code pcscd} only.
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
      session.authenticateManagementKey(ManagementKey.factory(ManagementKeyAlgorithm.TRIPLE_DES));
      Random random = new Random(7);

      // About 1,000 bytes: 4 parts, the 3 first announcing more with 61xx.
      byte[] small = new byte[1000];
      random.nextBytes(small);
      session.putObject(OBJECT_CCC, small);
      seen.clear();
      assertArrayEquals(small, session.getObject(OBJECT_CCC).orElseThrow());
      assertEquals(4, seen.size(), seen.toString());
      assertTrue(seen.subList(0, 3).stream().allMatch(StatusWord::isBytesRemaining));
      assertEquals(0x9000, seen.get(3));

      // 3,000 bytes: 12 parts, past the provider's 8.
      byte[] large = new byte[3000];
      random.nextBytes(large);
      session.putObject(OBJECT_CCC, large);
      seen.clear();
      assertArrayEquals(large, session.getObject(OBJECT_CCC).orElseThrow());
      assertEquals(12, seen.size(), seen.toString());
      assertEquals(0x9000, seen.get(seen.size() - 1));
      assertTrue(seen.subList(0, 11).stream().allMatch(StatusWord::isBytesRemaining));

      // The provider's own loop on the same object, for the record: its transparent mode off
      // for this one transmission.
      Card other = terminal.connect("*");
      ResponseAPDU own;
      System.setProperty(SystemPcsc.TRANSPARENT_PROPERTY, "false");
      try {
        own =
            other
                .getBasicChannel()
                .transmit(new CommandAPDU(HexFormat.of().parseHex("00CB3FFF055C035FC10700")));
      } finally {
        System.setProperty(SystemPcsc.TRANSPARENT_PROPERTY, "true");
        other.disconnect(false);
      }
      String line =
          String.format(
              "jnasmartcardio's own GET RESPONSE loop on a 3,000-byte object: %d bytes, status"
                  + " %04X (PcscTransport + GetResponseTransport: %d bytes, 9000)%n",
              own.getBytes().length, own.getSW(), large.length);
      System.out.print(line);
      Files.writeString(Path.of("target", "pcsc-get-response.txt"), line, StandardCharsets.UTF_8);
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
