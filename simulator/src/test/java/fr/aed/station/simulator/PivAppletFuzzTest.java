package fr.aed.station.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.Test;

/**
 * Many random and mutated APDUs, then the PIN, the key and the objects must be as they were, and
 * every answer an ISO status word (never jCardSim's 6F00 for an exception escaping the applet).
 */
class PivAppletFuzzTest {

  private static final int ROUNDS = 4000;
  // Commands whose well-formed variants legitimately spend PIN or PUK tries: never sent at random.
  private static final List<Integer> PIN_COMMANDS = List.of(0x20, 0x24, 0x2C);
  static final List<String> SEEDS =
      List.of(
          "00A4040005A000000308",
          "00CB3FFF055C035FC10A00",
          "00CB3FFF035C017E08",
          "10DB3FFF0A5C035FC10A5382010001",
          "0087119C267C248200812000000000000000000000000000000000000000000000000000000000000000",
          "0087039B047C028000",
          "0047009A05AC03800107",
          "00F99C0000",
          "00FFFFFF1B039B18",
          "00C0000000",
          "00F80000",
          "00FD0000");

  @Test
  void randomAndMutatedApdusLeaveTheCardIntact() throws Exception {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    String context = "seed " + seed;
    try (SimulatedCard card = SimulatedCard.insert();
        CardSession session = new CardSession(card)) {
      session.select();
      session.authenticateManagementKey();
      ResponseAPDU generated = session.sendAll("0047009C05AC03800111");
      byte[] point = Arrays.copyOfRange(generated.getData(), 5, 5 + 65);
      String object = "53820100" + "C3".repeat(256);
      String put = "5C035FC10A" + object;
      putChained(session, put);
      session.select();

      for (int round = 0; round < ROUNDS; round++) {
        byte[] apdu = random.nextInt(3) == 0 ? randomApdu(random) : mutated(random);
        if ((apdu[0] & 0xEF) == 0 && PIN_COMMANDS.contains(apdu[1] & 0xFF)) {
          continue;
        }
        if (!ApduFormat.isWellFormed(apdu)) {
          continue; // the reader answers 6700 without bothering the card
        }
        byte[] response = card.transmit(apdu);
        assertTrue(response.length >= 2, context);
        int sw =
            ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
        assertNotEquals(0x6F00, sw, context + ": " + HexFormat.of().formatHex(apdu));
        if (random.nextInt(50) == 0) {
          card.reset();
        }
      }

      card.reset();
      session.select();
      assertEquals(0x63C3, session.send("00200080").getSW(), context);
      ResponseAPDU read = session.sendAll("00CB3FFF055C035FC10A00");
      assertEquals(object.toLowerCase(), HexFormat.of().formatHex(read.getData()), context);
      // 9C wants the PIN right before each signature.
      session.verifyDefaultPin();
      byte[] hash = new byte[32];
      random.nextBytes(hash);
      ResponseAPDU signed =
          session.sendAll("0087119C267C2482008120" + HexFormat.of().formatHex(hash));
      assertEquals(0x9000, signed.getSW(), context);
      byte[] der = Arrays.copyOfRange(signed.getData(), 4, signed.getData().length);
      Signature verifier = Signature.getInstance("NONEwithECDSA");
      verifier.initVerify(p256(point));
      verifier.update(hash);
      assertTrue(verifier.verify(der), context + ": the key in 9C is the one generated");
      session.authenticateManagementKey();
      assertArrayEquals(point, Arrays.copyOfRange(generated.getData(), 5, 70));
    }
  }

  static byte[] randomApdu(Random random) {
    byte[] apdu = new byte[4 + random.nextInt(40)];
    random.nextBytes(apdu);
    if (random.nextBoolean()) {
      apdu[0] = (byte) (random.nextBoolean() ? 0x00 : 0x10);
    }
    if (apdu.length > 5 && random.nextBoolean()) {
      apdu[4] = (byte) (apdu.length - 5);
    }
    return apdu;
  }

  static byte[] mutated(Random random) {
    byte[] apdu = HexFormat.of().parseHex(SEEDS.get(random.nextInt(SEEDS.size())));
    switch (random.nextInt(4)) {
      case 0 -> apdu[random.nextInt(apdu.length)] = (byte) random.nextInt(256);
      case 1 -> apdu = Arrays.copyOf(apdu, 4 + random.nextInt(apdu.length - 3));
      case 2 -> {
        if (apdu.length > 5) {
          apdu[4] = (byte) random.nextInt(256);
        }
      }
      default -> {
        int at = 5 + random.nextInt(Math.max(1, apdu.length - 5));
        if (at < apdu.length) {
          apdu[at] = (byte) random.nextInt(256);
        }
      }
    }
    return apdu;
  }

  private static void putChained(CardSession session, String data) throws Exception {
    int total = data.length() / 2;
    for (int offset = 0; offset < total; offset += 255) {
      int length = Math.min(255, total - offset);
      String cla = offset + length < total ? "10" : "00";
      String chunk = data.substring(offset * 2, (offset + length) * 2);
      assertEquals(
          0x9000, session.send(cla + "DB3FFF" + String.format("%02X", length) + chunk).getSW());
    }
  }

  private static PublicKey p256(byte[] point) throws Exception {
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec("secp256r1"));
    ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
    ECPoint w =
        new ECPoint(
            new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
            new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
    return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec));
  }
}
