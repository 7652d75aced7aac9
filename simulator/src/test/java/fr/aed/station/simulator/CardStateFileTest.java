package fr.aed.station.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A card kept in a state file comes back after a restart with its keys, PINs and objects. */
class CardStateFileTest {

  private static final String PIN = "313233343536FFFF";
  private static final String NEW_PIN = "383736353433FFFF";
  private static final String WRONG = "3030303030303030";
  private static final String CHUID = "00CB3FFF055C035FC102";
  private static final String CERTIFICATE_9A = "00CB3FFF055C035FC105";
  private static final HexFormat HEX = HexFormat.of();

  @TempDir Path directory;

  // On a PIV card, which ships with a CHUID (YubiKeys do not).
  @Test
  void keysPinsTriesAndObjectsSurviveARestart() throws Exception {
    Path file = directory.resolve("card.state");
    PublicKey rsa;
    PublicKey ec;
    byte[] certificate = new byte[900];
    new SecureRandom().nextBytes(certificate);
    String chuid;
    try (SimulatedCard card = SimulatedCard.insert(CardProfile.PIV, file);
        CardSession session = new CardSession(card)) {
      Saved saved = new Saved(card, session, file);
      saved.send("00A4040005A000000308");
      session.authenticateManagementKey();
      rsa = rsaPublicKey(saved.send("0047009A05AC03800107").getData());
      ec = ecPublicKey(saved.send("0047009C05AC03800111").getData());
      for (String command : putCertificate9a(certificate)) {
        assertEquals(0x9000, saved.send(command).getSW());
      }
      assertEquals(0x9000, saved.send("0024008010" + PIN + NEW_PIN).getSW());
      saved.send("00A4040005A000000308");
      assertEquals(0x63C2, saved.send("0020008008" + WRONG).getSW());
      chuid = HEX.formatHex(saved.send(CHUID).getData());
    }

    try (SimulatedCard restored = SimulatedCard.insert(file);
        CardSession session = new CardSession(restored)) {
      assertEquals(CardProfile.PIV, restored.profile());
      session.select();
      assertEquals(0x63C2, session.send("00200080").getSW(), "the wrong try is still counted");
      assertEquals(chuid, HEX.formatHex(session.sendAll(CHUID).getData()));
      byte[] stored = session.sendAll(CERTIFICATE_9A).getData();
      assertArrayEquals(
          certificateObject(certificate), Arrays.copyOfRange(stored, 4, stored.length));
      assertEquals(0x9000, session.send("0020008008" + NEW_PIN).getSW());
      assertSignsFor(session, rsa, ec, NEW_PIN);
      session.select();
      assertEquals(0x63C2, session.send("0020008008" + PIN).getSW(), "the old PIN is gone");
    }

    try (SimulatedCard fresh = SimulatedCard.insert(CardProfile.PIV);
        CardSession session = new CardSession(fresh)) {
      session.select();
      assertNotEquals(chuid, HEX.formatHex(session.sendAll(CHUID).getData()));
      assertEquals(0x6A82, session.send(CERTIFICATE_9A).getSW());
      session.verifyDefaultPin();
    }
  }

  @Test
  void aBlockedPinAndANewManagementKeySurvive() throws Exception {
    Path file = directory.resolve("card.state");
    byte[] aes = HEX.parseHex("000102030405060708090A0B0C0D0E0F");
    try (SimulatedCard card = SimulatedCard.insert(file);
        CardSession session = new CardSession(card)) {
      session.select();
      session.authenticateManagementKey();
      assertEquals(0x9000, session.send("00FFFFFF13089B10" + HEX.formatHex(aes)).getSW());
      for (int i = 0; i < 3; i++) {
        session.send("0020008008" + WRONG);
      }
    }
    try (SimulatedCard card = SimulatedCard.insert(file);
        CardSession session = new CardSession(card)) {
      session.select();
      assertEquals(0x6983, session.send("0020008008" + PIN).getSW());
      assertEquals(0x9000, session.authenticateManagementKey(0x08, aes));
      assertEquals(0x9000, session.send("002C008010" + "3132333435363738" + NEW_PIN).getSW());
    }
  }

  @Test
  void theFileIsTheOwnersOnlyAndSaysItHoldsATestCard() throws Exception {
    Path file = directory.resolve("card.state");
    SimulatedCard.insert(file).close();
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertTrue(Files.readString(file).contains("TEST card"));
    try (Stream<Path> files = Files.list(directory)) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void aDamagedOrForeignFileIsRefusedAndLeftAlone() throws Exception {
    Path file = directory.resolve("card.state");
    SimulatedCard.insert(file).close();
    String text = Files.readString(file);
    int serial = text.indexOf("serial=") + "serial=".length();
    char flipped = text.charAt(serial) == '1' ? '2' : '1';
    assertRefused(
        file,
        text.substring(0, serial) + flipped + text.substring(serial + 1),
        "does not match its sha256");
    assertRefused(file, text.substring(0, text.length() / 2), "sha256 line is missing");
    assertRefused(
        file,
        text.replace("state/" + 2, "state/" + 3),
        "format 3 is not supported: this simulator reads formats 1 and 2");
    assertRefused(file, "hello\n", "not a simulated card state");
  }

  private static void assertRefused(Path file, String content, String problem) throws Exception {
    Files.writeString(file, content);
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> SimulatedCard.insert(file));
    assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
    assertTrue(refused.getMessage().contains(problem), refused.getMessage());
    assertEquals(content, Files.readString(file), "the refused file is not replaced");
  }

  // Sends commands and checks after each one that the file holds the card's state, as it must
  // when the simulator is killed at any moment.
  private record Saved(SimulatedCard card, CardSession session, Path file) {
    ResponseAPDU send(String hex) throws Exception {
      ResponseAPDU response = session.sendAll(hex);
      assertEquals(card.state().text(), Files.readString(file), "saved after " + hex);
      return response;
    }
  }

  private static List<String> putCertificate9a(byte[] certificate) {
    byte[] object = certificateObject(certificate);
    String data =
        "5C035FC105" + "5382" + String.format("%04X", object.length) + HEX.formatHex(object);
    return chained("DB3FFF", HEX.parseHex(data));
  }

  // Short APDUs with command chaining (CLA 10 but the last), as PIV tools send long data.
  private static List<String> chained(String insP1P2, byte[] data) {
    List<String> commands = new ArrayList<>();
    for (int offset = 0; offset < data.length; offset += 255) {
      int length = Math.min(255, data.length - offset);
      String cla = offset + length < data.length ? "10" : "00";
      commands.add(
          cla
              + insP1P2
              + String.format("%02X", length)
              + HEX.formatHex(data, offset, offset + length));
    }
    return commands;
  }

  // 70 certificate, 71 01 00 (uncompressed), FE 00, as PIV tools store one.
  private static byte[] certificateObject(byte[] certificate) {
    return HEX.parseHex(
        String.format("7082%04X", certificate.length) + HEX.formatHex(certificate) + "710100FE00");
  }

  private static void assertSignsFor(CardSession session, PublicKey rsa, PublicKey ec, String pin)
      throws Exception {
    byte[] message = "the officer's sheet".getBytes();
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(message);

    byte[] block = new byte[256];
    Arrays.fill(block, (byte) 0xFF);
    byte[] digestInfo = HEX.parseHex("3031300d060960864801650304020105000420");
    block[0] = 0;
    block[1] = 1;
    int start = 256 - digestInfo.length - hash.length;
    block[start - 1] = 0;
    System.arraycopy(digestInfo, 0, block, start, digestInfo.length);
    System.arraycopy(hash, 0, block, start + digestInfo.length, hash.length);
    // 7C { 82 00 (the response asked for), 81 <the padded block> }, 266 bytes: chained.
    String template = "7C820106" + "8200" + "81820100" + HEX.formatHex(block);
    List<String> commands = chained("87079A", HEX.parseHex(template));
    for (String command : commands.subList(0, commands.size() - 1)) {
      assertEquals(0x9000, session.send(command).getSW());
    }
    byte[] rsaAnswer = session.sendAll(commands.get(commands.size() - 1)).getData();
    assertVerifies("SHA256withRSA", rsa, message, Arrays.copyOfRange(rsaAnswer, 8, 8 + 256));

    // The key of 9C wants the PIN right before each signature.
    assertEquals(0x9000, session.send("0020008008" + pin).getSW());
    String ecTemplate = "7C24" + "8200" + "8120" + HEX.formatHex(hash);
    byte[] ecAnswer = session.sendAll("0087119C26" + ecTemplate).getData();
    assertVerifies(
        "SHA256withECDSA", ec, message, Arrays.copyOfRange(ecAnswer, 4, ecAnswer.length));
  }

  private static void assertVerifies(String algorithm, PublicKey key, byte[] message, byte[] sig)
      throws Exception {
    Signature verifier = Signature.getInstance(algorithm);
    verifier.initVerify(key);
    verifier.update(message);
    assertTrue(verifier.verify(sig), algorithm + " signature by the restored card");
  }

  // 7F49 82 len 81 82 0100 modulus 82 03 exponent
  private static PublicKey rsaPublicKey(byte[] answer) throws Exception {
    byte[] modulus = Arrays.copyOfRange(answer, 9, 9 + 256);
    byte[] exponent = Arrays.copyOfRange(answer, 9 + 256 + 2, answer.length);
    return KeyFactory.getInstance("RSA")
        .generatePublic(
            new RSAPublicKeySpec(new BigInteger(1, modulus), new BigInteger(1, exponent)));
  }

  // 7F49 43 86 41 04 x y
  private static PublicKey ecPublicKey(byte[] answer) throws Exception {
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(answer, 6, 38));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(answer, 38, 70));
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec("secp256r1"));
    ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
    return KeyFactory.getInstance("EC")
        .generatePublic(new ECPublicKeySpec(new ECPoint(x, y), curve));
  }
}
