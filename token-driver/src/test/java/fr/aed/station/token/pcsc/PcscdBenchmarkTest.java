package fr.aed.station.token.pcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.aed.station.token.KeySlot;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.piv.PivCards;
import fr.aed.station.token.piv.PivToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How fast the simulated card answers through pcscd + vpcd: APDUs per second (issue 3 aimed at
 * 2,000; jCardSim's stock bridge makes about 20) through the station's provider (jnasmartcardio)
 * and the JDK's SunPCSC, and the time of each key generation the card offers. Measures, asserts no
 * speed (a loaded machine is no failure): writes its numbers to target/pcsc-benchmark.txt. Selected
 * by the Maven profile {@code pcscd} only.
 */
@Tag("pcscd")
class PcscdBenchmarkTest {

  private static final int APDUS = 3000;
  private static final int GENERATIONS = 3;

  @Test
  void apdusPerSecondAndKeyGenerationTimes() throws Exception {
    String reader = System.getProperty("pcsc.reader", System.getenv("PCSC_READER"));
    assertFalse(reader == null || reader.isBlank(), "name the reader with -Dpcsc.reader");
    List<String> lines = new ArrayList<>();

    // The station's provider (what CardReaders.system() uses), then the JDK's for comparison.
    apdusPerSecond(SystemPcsc.factory(), reader, "jnasmartcardio", lines);
    apdusPerSecond(TerminalFactory.getInstance("PC/SC", null), reader, "SunPCSC", lines);

    try (PivToken token = new PivCards(CardReaders.system()).open(reader)) {
      token.verifyPin("123456".toCharArray());
      for (KeyType type : token.supportedKeyTypes()) {
        long[] millis = new long[GENERATIONS];
        for (int i = 0; i < GENERATIONS; i++) {
          long start = System.nanoTime();
          token.generateKeyPair(KeySlot.KEY_MANAGEMENT, type);
          millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        lines.add(
            String.format(
                "key generation %-8s median %5d ms, runs %s ms",
                type, sorted[GENERATIONS / 2], Arrays.toString(millis)));
      }
    }
    String report = String.join(System.lineSeparator(), lines) + System.lineSeparator();
    System.out.print(report);
    Files.writeString(Path.of("target", "pcsc-benchmark.txt"), report, StandardCharsets.UTF_8);
  }

  private static double apdusPerSecond(
      TerminalFactory factory, String reader, String provider, List<String> lines)
      throws Exception {
    CardTerminal terminal = factory.terminals().getTerminal(reader);
    // Through PcscTransport, as the station sends: one SCardTransmit each with jnasmartcardio.
    PcscTransport transport = new PcscTransport(terminal, terminal.connect("*"));
    try {
      byte[] select = HexFormat.of().parseHex("00A4040005A000000308");
      assertEquals(0x9000, sw(transport.transmit(select)));
      byte[] getVersion = HexFormat.of().parseHex("00FD000000");
      for (int i = 0; i < 200; i++) {
        transport.transmit(getVersion);
      }
      long start = System.nanoTime();
      for (int i = 0; i < APDUS; i++) {
        assertEquals(0x9000, sw(transport.transmit(getVersion)));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      lines.add(
          String.format(
              "APDUs through pcscd + vpcd (%s): %d in %.3f s = %.0f APDU/s (%.0f us each)",
              provider, APDUS, seconds, APDUS / seconds, 1e6 * seconds / APDUS));
      return APDUS / seconds;
    } finally {
      transport.close();
    }
  }

  private static int sw(byte[] answer) {
    return ((answer[answer.length - 2] & 0xFF) << 8) | (answer[answer.length - 1] & 0xFF);
  }
}
