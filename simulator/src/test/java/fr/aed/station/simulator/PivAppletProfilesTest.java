package fr.aed.station.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What each profile answers like the real card it stands for. */
class PivAppletProfilesTest {

  private static final String CHUID = "00CB3FFF055C035FC102";
  private static final String CCC = "00CB3FFF055C035FC107";
  private static final String ATTESTATION_CERTIFICATE = "00CB3FFF055C035FFF01";

  @Test
  void profilesAreNamedAsOnTheCommandLine() {
    assertEquals(CardProfile.YUBIKEY_5_7, CardProfile.DEFAULT);
    for (CardProfile profile : CardProfile.values()) {
      assertEquals(profile, CardProfile.fromId(profile.id()));
    }
    assertEquals(CardProfile.PIV, CardProfile.fromId("PIV"));
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> CardProfile.fromId("yubikey-4"));
    assertTrue(
        unknown.getMessage().contains("yubikey-5.4, yubikey-5.7, piv"), unknown.getMessage());
  }

  @Test
  void theDefaultCardIsAYubiKey57() throws Exception {
    try (SimulatedCard card = SimulatedCard.insert();
        CardSession session = new CardSession(card)) {
      assertEquals(CardProfile.YUBIKEY_5_7, card.profile());
      session.select();
      assertEquals("0507019000", hex(session.send("00FD0000").getBytes()));
    }
  }

  @ParameterizedTest
  @EnumSource(CardProfile.class)
  void versionAndVendorInstructionsAsTheRealCard(CardProfile profile) throws Exception {
    try (Selected card = Selected.insert(profile)) {
      ResponseAPDU version = card.session.send("00FD0000");
      switch (profile) {
        case YUBIKEY_5_4 -> assertEquals("0504039000", hex(version.getBytes()));
        case YUBIKEY_5_7 -> assertEquals("0507019000", hex(version.getBytes()));
        case PIV -> assertEquals(0x6D00, version.getSW());
      }
      int serial = card.session.send("00F80000").getSW();
      assertEquals(profile == CardProfile.PIV ? 0x6D00 : 0x9000, serial);
    }
  }

  // A card without Yubico's extensions does not know their instructions, whatever follows them.
  @ParameterizedTest
  @ValueSource(
      strings = {"00F7008000", "00F7009B00", "00F80000", "00F99A0000", "00FD0000", "00FFFFFF00"})
  void aPivCardAnswers6d00ToYubicoInstructions(String command) throws Exception {
    try (Selected card = Selected.insert(CardProfile.PIV)) {
      assertEquals(0x6D00, card.session.send(command).getSW(), command);
      card.session.authenticateManagementKey();
      String setKey = "00FFFFFF1B039B18" + "11".repeat(24);
      assertEquals(0x6D00, card.session.send(setKey).getSW(), "even authenticated");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = CardProfile.class,
      names = {"YUBIKEY_5_4", "PIV"})
  void theFactoryManagementKeyIs3des(CardProfile profile) throws Exception {
    try (Selected card = Selected.insert(profile)) {
      assertEquals(0x6A80, card.session.send("00870A9B047C028000").getSW());
      assertEquals(0x6A80, card.session.send("0087089B047C028000").getSW());
      assertEquals(0x9000, card.session.authenticateManagementKey(0x03, defaultKey()));
    }
  }

  @Test
  void aYubiKey57RefusesThe3desAuthenticationOfItsAes192FactoryKey() throws Exception {
    try (Selected card = Selected.insert(CardProfile.YUBIKEY_5_7)) {
      assertEquals(0x6A80, card.session.send("0087039B047C028000").getSW());
      assertEquals(0x6A80, card.session.authenticateManagementKey(0x03, defaultKey()));
      assertEquals(0x6982, card.session.send("0047009A05AC03800111").getSW());
      assertEquals(0x9000, card.session.authenticateManagementKey(0x0A, defaultKey()));
      assertEquals(0x9000, card.session.sendAll("0047009A05AC03800111").getSW());
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = CardProfile.class,
      names = {"YUBIKEY_5_4", "PIV"})
  void rsa3072IsRefusedAtGenerate(CardProfile profile) throws Exception {
    try (Selected card = Selected.insert(profile)) {
      card.session.authenticateManagementKey();
      assertEquals(0x6A80, card.session.send("0047009A05AC03800105").getSW());
      assertEquals(0x6A88, card.session.sign(0x9A, 0x05, new byte[384]).getSW(), "no key made");
      for (int algorithm : new int[] {0x07, 0x11, 0x14}) {
        card.session.generate(0x9A, algorithm);
      }
    }
  }

  @Test
  void aYubiKey57GeneratesAndSignsWithRsa3072() throws Exception {
    try (Selected card = Selected.insert(CardProfile.YUBIKEY_5_7)) {
      card.session.authenticateManagementKey();
      PublicKey key = card.session.generate(0x9D, 0x05);
      assertEquals(3072, ((RSAPublicKey) key).getModulus().bitLength());
      card.session.verifyDefaultPin();
      byte[] hash = new byte[32];
      hash[0] = 42;
      ResponseAPDU signed = card.session.sign(0x9D, 0x05, CardSession.signInput(key, hash));
      assertEquals(0x9000, signed.getSW());
      assertTrue(CardSession.verifies(key, hash, CardSession.signature(signed)));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = CardProfile.class,
      names = {"YUBIKEY_5_4", "YUBIKEY_5_7"})
  void aYubiKeyShipsWithoutChuidAndCccUntilAClientWritesThem(CardProfile profile) throws Exception {
    try (Selected card = Selected.insert(profile)) {
      assertEquals(0x6A82, card.session.send(CHUID).getSW());
      assertEquals(0x6A82, card.session.send(CCC).getSW());
      card.session.authenticateManagementKey();
      assertEquals(0x9000, card.session.send("00DB3FFF0A5C035FC102530330 0100").getSW());
      assertEquals("53033001009000", hex(card.session.send(CHUID).getBytes()));
      assertEquals(0x6A82, card.session.send(CCC).getSW());
      assertEquals(0x9000, card.session.sendAll(ATTESTATION_CERTIFICATE).getSW());
    }
  }

  @Test
  void aPivCardShipsWithChuidAndCccButNoAttestation() throws Exception {
    try (Selected card = Selected.insert(CardProfile.PIV)) {
      ResponseAPDU chuid = card.session.sendAll(CHUID);
      assertEquals(0x9000, chuid.getSW());
      assertEquals("533b3019", hex(chuid.getData()).substring(0, 8));
      ResponseAPDU ccc = card.session.sendAll(CCC);
      assertEquals(0x9000, ccc.getSW());
      assertEquals("5333f015a000000116ff02", hex(ccc.getData()).substring(0, 22));
      assertEquals(0x6A82, card.session.send(ATTESTATION_CERTIFICATE).getSW());
      card.session.authenticateManagementKey();
      assertEquals(0x6A82, card.session.send("00DB3FFF0A5C035FFF01530330 0100").getSW());
    }
  }

  // SP 800-73-4 part 2, 3.3.2: the control reference template holds the algorithm (80) and
  // optionally 81 (a parameter this card does not take); Yubico's AA and AB are not PIV.
  @ParameterizedTest
  @ValueSource(strings = {"0047009A08AC06800111AA0102", "0047009A08AC06800111AB0101"})
  void aPivCardRefusesYubicoPolicyTagsAtGenerate(String command) throws Exception {
    try (Selected card = Selected.insert(CardProfile.PIV)) {
      card.session.authenticateManagementKey();
      assertEquals(0x6A80, card.session.send(command).getSW());
    }
    try (Selected card = Selected.insert(CardProfile.YUBIKEY_5_4)) {
      card.session.authenticateManagementKey();
      assertEquals(0x9000, card.session.sendAll(command).getSW());
    }
  }

  @ParameterizedTest
  @EnumSource(CardProfile.class)
  void theDiscoveryObjectIsThereOnEveryProfile(CardProfile profile) throws Exception {
    try (Selected card = Selected.insert(profile)) {
      assertEquals(0x9000, card.session.send("00CB3FFF035C017E").getSW());
    }
  }

  private static byte[] defaultKey() {
    return CardSession.DEFAULT_MANAGEMENT_KEY;
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** A card of a profile, the PIV application selected. */
  record Selected(SimulatedCard simulated, CardSession session) implements AutoCloseable {

    static Selected insert(CardProfile profile) throws Exception {
      SimulatedCard simulated = SimulatedCard.insert(profile);
      CardSession session = new CardSession(simulated);
      session.select();
      return new Selected(simulated, session);
    }

    @Override
    public void close() throws Exception {
      session.close();
      simulated.close();
    }
  }
}
