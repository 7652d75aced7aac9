package fr.aed.station.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.aed.station.simulator.applet.PivCardState;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The applet's APDU parser on hostile commands, coverage-guided (issue 14): after SELECT, and
 * optionally after the management key and the PIN are proven (so that key generation, PUT DATA and
 * signing are reached), every well-formed command APDU gets a response ending in an ISO 7816 status
 * word, never jCardSim's 6F00 for an exception escaping the applet; then the card still answers
 * SELECT and GET DATA. {@link PivAppletFuzzTest} checks, over random APDUs, that the card's PIN,
 * keys and objects survive.
 *
 * <p>Input: a flags byte (bit 0: management key, bit 1: PIN), then APDUs, each one length byte and
 * that many bytes. A malformed APDU is not sent: the reader answers it 6700 (as {@link
 * VirtualReaderBridge} does). Generating an RSA key is not sent either: at 0.2 to 2 s each on
 * jCardSim it would spend the run's time (the applet's tests cover it). Each input starts on the
 * card's factory state: the state an input changed is put back before the next one.
 */
class PivAppletApduFuzzTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] SELECT = HEX.parseHex("00A4040005A000000308");
  private static final byte[] GET_DISCOVERY = HEX.parseHex("00CB3FFF035C017E00");
  private static final int INS_GENERATE_KEY_PAIR = 0x47;

  private static SimulatedCard card;
  private static CardSession session;
  private static PivCardState factory;
  private static int cleanChanges;

  // A card, and the seeds once, before the fuzzer's clock starts: installing the applet makes its
  // attestation key.
  @BeforeAll
  static void warmUp() throws Exception {
    for (byte[] seed : seeds()) {
      check(seed);
    }
  }

  // scripts/fuzz-long counts its inputs; Jazzer's default limit of 5 minutes would cut it short.
  @FuzzTest(maxDuration = "24h")
  void everyApduGetsAStatusWordAndTheCardStaysUsable(byte[] input) throws Exception {
    FuzzStats.timed(input, () -> check(input));
  }

  /** The short run of the build: inputs built from {@link PivAppletFuzzTest}'s generators. */
  @Test
  void shortRun() throws Exception {
    Random random = new Random(14);
    for (int i = 0; i < 1000; i++) {
      ByteArrayOutputStream input = new ByteArrayOutputStream();
      input.write(random.nextInt(4));
      for (int n = 1 + random.nextInt(4); n > 0; n--) {
        byte[] apdu =
            random.nextBoolean()
                ? PivAppletFuzzTest.randomApdu(random)
                : PivAppletFuzzTest.mutated(random);
        input.write(Math.min(apdu.length, 255));
        input.write(apdu, 0, Math.min(apdu.length, 255));
      }
      byte[] bytes = input.toByteArray();
      try {
        check(bytes);
      } catch (Exception | AssertionError e) {
        throw new AssertionError("input " + HEX.formatHex(bytes) + ": " + e, e);
      }
    }
  }

  static void check(byte[] input) throws Exception {
    startFromFactoryState();
    card.reset();
    assertEquals(0x9000, sw(card.transmit(SELECT)));
    int flags = input.length == 0 ? 0 : input[0];
    if ((flags & 1) != 0) {
      session.authenticateManagementKey();
    }
    if ((flags & 2) != 0) {
      session.verifyDefaultPin();
    }
    for (byte[] apdu : apdus(input)) {
      if (!ApduFormat.isWellFormed(apdu) || generatesRsaKey(apdu)) {
        continue;
      }
      byte[] response = card.transmit(apdu);
      assertTrue(response.length >= 2, () -> "no status word for " + HEX.formatHex(apdu));
      int sw = sw(response);
      assertNotEquals(
          0x6F00, sw, () -> "an exception escaped the applet on " + HEX.formatHex(apdu));
      int sw1 = sw >> 8;
      assertTrue(
          sw1 == 0x90 || sw1 >= 0x61 && sw1 <= 0x6F,
          () -> String.format("SW %04X is not ISO 7816-4's, for %s", sw, HEX.formatHex(apdu)));
    }
    card.reset();
    assertEquals(0x9000, sw(card.transmit(SELECT)), "SELECT after the input");
    assertEquals(0x9000, sw(card.transmit(GET_DISCOVERY)), "GET DATA after the input");
  }

  // The state an input left is put back (cheaper than a new card, which makes an attestation
  // key); a new card when that does not give the factory state again.
  private static void startFromFactoryState() throws Exception {
    if (card != null && card.changeCount() == cleanChanges) {
      return;
    }
    if (card != null) {
      card.restore(factory);
      if (card.state().text().equals(factory.text())) {
        cleanChanges = card.changeCount();
        return;
      }
      session.close();
      card.close();
    }
    card = SimulatedCard.insert();
    session = new CardSession(card);
    factory = card.state();
    cleanChanges = card.changeCount();
  }

  private static List<byte[]> apdus(byte[] input) {
    List<byte[]> apdus = new ArrayList<>();
    int at = 1;
    while (at < input.length) {
      int length = Math.min(input[at] & 0xFF, input.length - at - 1);
      apdus.add(Arrays.copyOfRange(input, at + 1, at + 1 + length));
      at += 1 + length;
    }
    return apdus;
  }

  private static boolean generatesRsaKey(byte[] apdu) {
    if ((apdu[1] & 0xFF) != INS_GENERATE_KEY_PAIR) {
      return false;
    }
    for (int i = 5; i < apdu.length; i++) {
      int b = apdu[i] & 0xFF;
      if (b == 0x05 || b == 0x06 || b == 0x07) {
        return true; // RSA-3072, RSA-1024, RSA-2048 wherever the applet might read the algorithm
      }
    }
    return false;
  }

  private static int sw(byte[] response) {
    return ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
  }

  static List<byte[]> seeds() {
    List<byte[]> seeds = new ArrayList<>();
    for (String seed : PivAppletFuzzTest.SEEDS) {
      byte[] apdu = HEX.parseHex(seed);
      for (int flags = 0; flags < 4; flags += 3) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write(flags);
        input.write(apdu.length);
        input.writeBytes(apdu);
        seeds.add(input.toByteArray());
      }
    }
    return seeds;
  }
}
