package fr.aed.station.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What format 2 of the state file added: the profile, each key's PIN and touch policies and origin,
 * Printed Information and ADMIN DATA; and format 1 files, read as YubiKey 5.4 cards.
 */
class CardStateFileProfilesTest {

  private static final String PIN = "313233343536FFFF";
  private static final String GET_PRINTED = "00CB3FFF055C035FC109";
  private static final String GET_ADMIN_DATA = "00CB3FFF055C035FFF00";
  private static final String PRINTED = "881A8918" + "5A".repeat(24);
  private static final String ADMIN_DATA = "8003810102";
  private static final HexFormat HEX = HexFormat.of();

  @TempDir Path directory;

  @Test
  void profilePoliciesOriginsAndProtectedObjectsSurviveARestart() throws Exception {
    Path file = directory.resolve("card.state");
    PublicKey always;
    PublicKey once;
    String serial;
    try (SimulatedCard card = SimulatedCard.insert(CardProfile.YUBIKEY_5_7, file);
        CardSession session = new CardSession(card)) {
      session.select();
      session.authenticateManagementKey();
      // 9A with PIN always and touch always, 9C with PIN once.
      always = generate(session, "0047009A0BAC09800111AA0103AB0102");
      once = generate(session, "0047009C08AC06800114AA0102");
      assertEquals(0x9000, session.send(put("5FC109", PRINTED)).getSW());
      assertEquals(0x9000, session.send(put("5FFF00", ADMIN_DATA)).getSW());
      serial = HEX.formatHex(session.send("00F80000").getData());
    }
    String text = Files.readString(file);
    for (String line :
        new String[] {
          "format=station-piv-card-state/2",
          "profile=yubikey-5.7",
          "management.algorithm=0a",
          "management.touch-policy=never",
          "key.9a.pin-policy=always",
          "key.9a.touch-policy=always",
          "key.9a.origin=generated",
          "key.9c.algorithm=14",
          "key.9c.pin-policy=once",
          "key.9c.touch-policy=never",
          "key.9d.algorithm=none",
          "object.5fc109=" + PRINTED.toLowerCase(),
          "object.5fff00=" + ADMIN_DATA.toLowerCase(),
          "object.5fc102=",
        }) {
      assertTrue(text.contains("\n" + line + "\n"), line);
    }

    try (SimulatedCard card = SimulatedCard.insert(file);
        CardSession session = new CardSession(card)) {
      assertEquals(CardProfile.YUBIKEY_5_7, card.profile());
      session.select();
      assertEquals("0507019000", HEX.formatHex(session.send("00FD0000").getBytes()));
      assertEquals(serial, HEX.formatHex(session.send("00F80000").getData()));
      assertEquals("0302", metadataPolicy(session, "9A"));
      assertEquals("0201", metadataPolicy(session, "9C"));
      assertEquals(0x6982, session.send(GET_PRINTED).getSW());
      assertEquals(0x6982, sign(session, 0x9C, 0x14, once).getSW());
      session.verifyDefaultPin();
      assertEquals(
          "531c" + PRINTED.toLowerCase(), HEX.formatHex(session.send(GET_PRINTED).getData()));
      assertSigns(session, 0x9C, 0x14, once);
      assertEquals(0x6982, sign(session, 0x9A, 0x11, always).getSW(), "9A wants the PIN again");
      session.verifyDefaultPin();
      assertSigns(session, 0x9A, 0x11, always);
      assertEquals(
          "5305" + ADMIN_DATA.toLowerCase(), HEX.formatHex(session.send(GET_ADMIN_DATA).getData()));
      session.authenticateManagementKey();
    }
  }

  @Test
  void aFormat1FileIsReadAsAYubiKey54AndRewrittenInFormat2() throws Exception {
    Path file = directory.resolve("old.state");
    try (InputStream fixture = getClass().getResourceAsStream("format-1.state")) {
      Files.copy(fixture, file);
    }
    String old = Files.readString(file);
    try (SimulatedCard card = SimulatedCard.insert(file);
        CardSession session = new CardSession(card)) {
      assertEquals(CardProfile.YUBIKEY_5_4, card.profile());
      String text = Files.readString(file);
      assertTrue(text.contains("\nformat=station-piv-card-state/2\n"), "rewritten at once");
      assertTrue(text.contains("\nprofile=yubikey-5.4\n"));
      assertTrue(text.contains("\nkey.9c.pin-policy=always\n"));
      session.select();
      assertEquals("0504039000", HEX.formatHex(session.send("00FD0000").getBytes()));
      assertEquals(entry(old, "serial"), HEX.formatHex(session.send("00F80000").getData()));
      assertEquals(0x63C2, session.send("00200080").getSW(), "the PIN's tries left");
      ResponseAPDU chuid = session.sendAll("00CB3FFF055C035FC102");
      assertEquals("533b" + entry(old, "object.5fc102"), HEX.formatHex(chuid.getData()));
      assertEquals(
          "01010302020001050101" + "9000", HEX.formatHex(session.send("00F7009B").getBytes()));
      assertEquals("0201", metadataPolicy(session, "9A"));
      assertEquals("0301", metadataPolicy(session, "9C"));
      assertEquals("0201", metadataPolicy(session, "9D"));
      assertEquals(0x6A88, session.send("00F7009E").getSW());

      String pin = entry(old, "pin");
      assertEquals(0x9000, session.send("0020008008" + pin).getSW());
      assertEquals(0x6A82, session.send(GET_PRINTED).getSW());
      assertSigns(session, 0x9A, 0x07, rsaKey(old, "9a"));
      assertSigns(session, 0x9D, 0x14, ecKey(old, "9d"));
      assertEquals(0x9000, session.send("0020008008" + pin).getSW());
      assertSigns(session, 0x9C, 0x11, ecKey(old, "9c"));
      assertEquals(0x9000, session.sendAll("00F99A0000").getSW(), "generated keys are attested");
    }
  }

  @Test
  void aCardKeepsItsProfileAndAnotherIsRefused() throws Exception {
    Path file = directory.resolve("card.state");
    SimulatedCard.insert(CardProfile.YUBIKEY_5_4, file).close();
    try (SimulatedCard card = SimulatedCard.insert(file)) {
      assertEquals(CardProfile.YUBIKEY_5_4, card.profile());
    }
    try (SimulatedCard card = SimulatedCard.insert(CardProfile.YUBIKEY_5_4, file)) {
      assertEquals(CardProfile.YUBIKEY_5_4, card.profile());
    }
    String text = Files.readString(file);
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> SimulatedCard.insert(CardProfile.PIV, file));
    assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
    assertTrue(
        refused.getMessage().contains("it holds a yubikey-5.4 card, not a piv one"),
        refused.getMessage());
    assertEquals(text, Files.readString(file));
  }

  // The simulator has no IMPORT instruction: a state file is where an imported key comes from.
  @Test
  void anImportedKeySignsButIsNotAttested() throws Exception {
    Path file = directory.resolve("card.state");
    PublicKey key;
    try (SimulatedCard card = SimulatedCard.insert(file);
        CardSession session = new CardSession(card)) {
      session.select();
      session.authenticateManagementKey();
      key = session.generate(0x9A, 0x11);
    }
    String text = Files.readString(file);
    Files.writeString(
        file, rechecksummed(text.replace("key.9a.origin=generated\n", "key.9a.origin=imported\n")));
    try (SimulatedCard card = SimulatedCard.insert(file);
        CardSession session = new CardSession(card)) {
      session.select();
      assertEquals(0x6A80, session.send("00F99A0000").getSW());
      ResponseAPDU metadata = session.sendAll("00F7009A");
      assertEquals("0101110202020103010204", HEX.formatHex(metadata.getData(), 0, 11));
      session.verifyDefaultPin();
      assertSigns(session, 0x9A, 0x11, key);
    }
  }

  @Test
  void entriesACardCannotHoldAreRefusedUnderAGoodChecksum() throws Exception {
    Path piv = directory.resolve("piv.state");
    SimulatedCard.insert(CardProfile.PIV, piv).close();
    String pivText = Files.readString(piv);
    assertRefused(
        piv,
        rechecksummed(pivText.replace("\nobject.5fff00=\n", "\nobject.5fff00=8003810102\n")),
        "object.5fff00 must be empty: profile piv has no such object");
    assertRefused(
        piv,
        rechecksummed(pivText.replace("\nprofile=piv\n", "\nprofile=yubikey-4\n")),
        "profile yubikey-4 is not one of yubikey-5.4, yubikey-5.7, piv");

    Path yubikey = directory.resolve("yubikey.state");
    try (SimulatedCard card = SimulatedCard.insert(yubikey);
        CardSession session = new CardSession(card)) {
      session.select();
      session.authenticateManagementKey();
      session.generate(0x9E, 0x11);
    }
    String text = Files.readString(yubikey);
    assertRefused(
        yubikey,
        rechecksummed(text.replace("key.9e.pin-policy=never", "key.9e.pin-policy=sometimes")),
        "key.9e.pin-policy sometimes is not one of never, once, always");
    assertRefused(
        yubikey,
        rechecksummed(text.replace("key.9e.origin=generated\n", "")),
        "key.9e.origin is missing");
    assertRefused(
        yubikey,
        rechecksummed(
            text.replace("management.touch-policy=never", "management.touch-policy=cached")),
        "management.touch-policy must be never or always");
  }

  private static void assertRefused(Path file, String content, String problem) throws Exception {
    Files.writeString(file, content);
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> SimulatedCard.insert(file));
    assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
    assertTrue(refused.getMessage().contains(problem), refused.getMessage());
    assertEquals(content, Files.readString(file), "the refused file is not replaced");
  }

  // The text with its sha256 line made right again, as if the simulator had written it.
  private static String rechecksummed(String text) throws Exception {
    int line = text.lastIndexOf("\nsha256=") + 1;
    String body = text.substring(0, line);
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.ISO_8859_1));
    return body + "sha256=" + HEX.formatHex(digest) + "\n";
  }

  private static String entry(String text, String name) {
    Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "=(.*)$").matcher(text);
    assertTrue(matcher.find(), name);
    return matcher.group(1);
  }

  private static PublicKey rsaKey(String text, String slot) throws Exception {
    BigInteger modulus = new BigInteger(entry(text, "key." + slot + ".modulus"), 16);
    BigInteger exponent = new BigInteger(entry(text, "key." + slot + ".exponent"), 16);
    return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
  }

  private static PublicKey ecKey(String text, String slot) throws Exception {
    byte[] point = HEX.parseHex(entry(text, "key." + slot + ".public"));
    byte[] tlv = new byte[point.length + 2];
    tlv[0] = (byte) 0x86;
    tlv[1] = (byte) point.length;
    System.arraycopy(point, 0, tlv, 2, point.length);
    return CardSession.publicKey(tlv);
  }

  private static PublicKey generate(CardSession session, String command) throws Exception {
    ResponseAPDU answer = session.sendAll(command);
    assertEquals(0x9000, answer.getSW(), command);
    return CardSession.publicKey(answer.getData());
  }

  private static String metadataPolicy(CardSession session, String slot) throws Exception {
    ResponseAPDU answer = session.sendAll("00F700" + slot);
    assertEquals(0x9000, answer.getSW(), slot);
    return HEX.formatHex(answer.getData(), 5, 7);
  }

  private static ResponseAPDU sign(CardSession session, int slot, int algorithm, PublicKey key)
      throws Exception {
    byte[] hash = new byte[32];
    return session.sign(slot, algorithm, CardSession.signInput(key, hash));
  }

  private static void assertSigns(CardSession session, int slot, int algorithm, PublicKey key)
      throws Exception {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(new byte[] {(byte) slot});
    ResponseAPDU signed = session.sign(slot, algorithm, CardSession.signInput(key, hash));
    assertEquals(0x9000, signed.getSW(), String.format("signature with %02X", slot));
    assertTrue(
        CardSession.verifies(key, hash, CardSession.signature(signed)),
        String.format("the key of %02X is the one saved", slot));
  }

  private static String put(String tag, String value) {
    String data = "5C03" + tag + "53" + String.format("%02X", value.length() / 2) + value;
    return "00DB3FFF" + String.format("%02X", data.length() / 2) + data;
  }
}
