package fr.aed.station.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bridge against a stand-in for vpcd that speaks its framing over a local socket. */
class VirtualReaderBridgeTest {

  private ServerSocket vpcd;
  private SimulatedCard card;

  @BeforeEach
  void listen() throws IOException {
    vpcd = new ServerSocket(0);
    card = SimulatedCard.insert();
  }

  @AfterEach
  void stop() throws IOException {
    vpcd.close();
    card.close();
  }

  @Test
  void answersAtrAndApdusThenClosesCleanly() throws Exception {
    VirtualReaderBridge bridge = new VirtualReaderBridge(card, CardFaults.NONE);
    CompletableFuture<Void> running = start(bridge);
    try (Socket reader = vpcd.accept()) {
      DataOutputStream out = new DataOutputStream(reader.getOutputStream());
      DataInputStream in = new DataInputStream(reader.getInputStream());
      send(out, "01");
      send(out, "04");
      assertArrayEquals(card.atr(), receive(in));
      assertEquals(
          "61114f0600001000010079074f05a0000003089000",
          hex(exchange(out, in, "00A4040005A000000308")));
      assertEquals("6700", hex(exchange(out, in, "00CB3FFF055C03")), "data shorter than Lc");
      assertEquals("6700", hex(exchange(out, in, "00CB3FFF0203")), "data longer than Lc");
      assertEquals("63c3", hex(exchange(out, in, "00200080")), "the card stays usable");
      bridge.close();
      running.get(5, TimeUnit.SECONDS);
      assertThrows(EOFException.class, () -> in.readUnsignedShort(), "vpcd sees the card go");
    }
    assertEquals(4, bridge.apduCount());
  }

  @Test
  void faultsPullTheCardAndForceStatusWords() throws Exception {
    CardFaults faults = new CardFaults(2, false, false, Duration.ZERO, Map.of(0xFD, 0x6F00));
    VirtualReaderBridge bridge = new VirtualReaderBridge(card, faults);
    CompletableFuture<Void> running = start(bridge);
    try (Socket reader = vpcd.accept()) {
      DataOutputStream out = new DataOutputStream(reader.getOutputStream());
      DataInputStream in = new DataInputStream(reader.getInputStream());
      assertEquals("6f00", hex(exchange(out, in, "00FD0000")));
      assertEquals("9000", hex(exchange(out, in, "00A4040005A000000308")).substring(38));
      send(out, "00F80000");
      assertThrows(EOFException.class, () -> in.readUnsignedShort(), "pulled at the third");
      running.get(5, TimeUnit.SECONDS);
      assertTrue(bridge.closed());
    }
  }

  @Test
  void aCardPulledDuringSigningStillAuthenticatesTheStation() throws Exception {
    CardFaults faults = new CardFaults(0, false, true, Duration.ZERO, Map.of());
    VirtualReaderBridge bridge = new VirtualReaderBridge(card, faults);
    CompletableFuture<Void> running = start(bridge);
    try (Socket reader = vpcd.accept()) {
      DataOutputStream out = new DataOutputStream(reader.getOutputStream());
      DataInputStream in = new DataInputStream(reader.getInputStream());
      assertEquals("9000", hex(exchange(out, in, "00A4040005A000000308")).substring(38));
      // The management key's witness asked (9B, AES-192 on the default card): answered, the card
      // still there.
      String witness = hex(exchange(out, in, "00870A9B047C028000"));
      assertTrue(witness.startsWith("7c128010") && witness.endsWith("9000"), witness);
      // A signature with the key of slot 9C: the card is pulled instead of answering.
      send(out, "0087079C0A7C088200810400010203");
      assertThrows(EOFException.class, () -> in.readUnsignedShort(), "pulled at the signature");
      running.get(5, TimeUnit.SECONDS);
      assertTrue(bridge.closed());
    }
  }

  @Test
  void reportsAVpcdThatNeverListens() throws IOException {
    int port = vpcd.getLocalPort();
    vpcd.close();
    VirtualReaderBridge bridge = new VirtualReaderBridge(card, CardFaults.NONE);
    assertThrows(IOException.class, () -> bridge.run("127.0.0.1", port, Duration.ofMillis(300)));
  }

  private CompletableFuture<Void> start(VirtualReaderBridge bridge) {
    int port = vpcd.getLocalPort();
    return CompletableFuture.runAsync(
        () -> {
          try {
            bridge.run("127.0.0.1", port, Duration.ofSeconds(5));
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static byte[] exchange(DataOutputStream out, DataInputStream in, String apdu)
      throws IOException {
    send(out, apdu);
    return receive(in);
  }

  private static void send(DataOutputStream out, String hex) throws IOException {
    byte[] bytes = HexFormat.of().parseHex(hex);
    out.writeShort(bytes.length);
    out.write(bytes);
    out.flush();
  }

  private static byte[] receive(DataInputStream in) throws IOException {
    byte[] message = new byte[in.readUnsignedShort()];
    in.readFully(message);
    return message;
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
