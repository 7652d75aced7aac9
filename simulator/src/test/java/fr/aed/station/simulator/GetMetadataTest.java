package fr.aed.station.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Yubico's GET METADATA (00 F7 00 ref) as YubiKeys answer it and yubikit's {@code PivSession} reads
 * it: 01 algorithm, 02 PIN and touch policy, 03 origin, 04 public key, 05 default, 06 retries
 * (total, remaining).
 */
class GetMetadataTest {

  /** On the two YubiKey profiles, the ones with GET METADATA. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @ParameterizedTest
  @EnumSource(
      value = CardProfile.class,
      names = {"YUBIKEY_5_4", "YUBIKEY_5_7"})
  @interface OnYubiKeys {}

  private static final String PIN = "313233343536FFFF";
  private static final String NEW_PIN = "393837363534FFFF";
  private static final HexFormat HEX = HexFormat.of();

  @OnYubiKeys
  void pinAndPukSayWhetherTheyAreTheFactoryOnesAndTheirTriesLeft(CardProfile profile)
      throws Exception {
    try (PivAppletProfilesTest.Selected card = PivAppletProfilesTest.Selected.insert(profile)) {
      CardSession session = card.session();
      assertEquals("0101ff050101060203039000", hex(session.send("00F70080").getBytes()));
      assertEquals("0101ff050101060203039000", hex(session.send("00F70081").getBytes()));
      assertEquals(0x63C2, session.send("0020008008" + "30".repeat(8)).getSW());
      assertEquals("0101ff050101060203029000", hex(session.send("00F70080").getBytes()));
      assertEquals(0x9000, session.send("0024008010" + PIN + NEW_PIN).getSW());
      assertEquals("0101ff050100060203039000", hex(session.send("00F70080").getBytes()));
      String puk = "3132333435363738";
      assertEquals(0x9000, session.send("0024008110" + puk + "3837363534333231").getSW());
      assertEquals("0101ff050100060203039000", hex(session.send("00F70081").getBytes()));
    }
  }

  @OnYubiKeys
  void theManagementKeySaysItsAlgorithmTouchAndWhetherItIsTheFactoryOne(CardProfile profile)
      throws Exception {
    try (PivAppletProfilesTest.Selected card = PivAppletProfilesTest.Selected.insert(profile)) {
      CardSession session = card.session();
      String algorithm = profile == CardProfile.YUBIKEY_5_7 ? "0a" : "03";
      assertEquals(
          "0101" + algorithm + "02020001" + "050101" + "9000",
          hex(session.send("00F7009B").getBytes()));
      session.authenticateManagementKey();
      String aes = "000102030405060708090A0B0C0D0E0F";
      // P2 FE: the new key wants a touch, which the card keeps and reports.
      assertEquals(0x9000, session.send("00FFFFFE13089B10" + aes).getSW());
      assertEquals("01010802020002050100" + "9000", hex(session.send("00F7009B").getBytes()));
    }
  }

  @OnYubiKeys
  void aKeySlotSaysItsKeyPoliciesOriginAndPublicKey(CardProfile profile) throws Exception {
    try (PivAppletProfilesTest.Selected card = PivAppletProfilesTest.Selected.insert(profile)) {
      CardSession session = card.session();
      for (String slot : new String[] {"9A", "9C", "9D", "9E"}) {
        assertEquals(0x6A88, session.send("00F700" + slot).getSW(), "empty " + slot);
      }
      session.authenticateManagementKey();
      PublicKey authentication = session.generate(0x9A, 0x11);
      PublicKey signature = session.generate(0x9C, 0x07);
      PublicKey keyManagement = session.generate(0x9D, 0x14);
      ResponseAPDU generated = session.sendAll("0047009E0BAC09800111AA0103AB0103");
      PublicKey cardAuthentication = CardSession.publicKey(generated.getData());

      assertKey(session, "9A", "11", "0201", authentication);
      assertKey(session, "9C", "07", "0301", signature);
      assertKey(session, "9D", "14", "0201", keyManagement);
      assertKey(session, "9E", "11", "0303", cardAuthentication);
      // The public key TLVs are those GENERATE answers inside 7F49.
      Map<Integer, byte[]> metadata = tlvs(session.sendAll("00F7009E").getData());
      byte[] answer = generated.getData();
      assertArrayEquals(Arrays.copyOfRange(answer, 3, answer.length), metadata.get(4));
    }
  }

  @OnYubiKeys
  void theAttestationKeyIsTheFactorysP256Key(CardProfile profile) throws Exception {
    try (PivAppletProfilesTest.Selected card = PivAppletProfilesTest.Selected.insert(profile)) {
      CardSession session = card.session();
      Map<Integer, byte[]> metadata = tlvs(session.sendAll("00F700F9").getData());
      assertEquals("11", hex(metadata.get(1)));
      assertEquals("0201", hex(metadata.get(2)));
      assertEquals("02", hex(metadata.get(3)), "imported, as Yubico puts it there");
      byte[] object = session.sendAll("00CB3FFF055C035FFF01").getData();
      int length = ((object[6] & 0xFF) << 8) | (object[7] & 0xFF);
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(Arrays.copyOfRange(object, 8, 8 + length)));
      assertEquals(certificate.getPublicKey(), CardSession.publicKey(metadata.get(4)));
    }
  }

  @OnYubiKeys
  void otherReferencesAreRefused(CardProfile profile) throws Exception {
    try (PivAppletProfilesTest.Selected card = PivAppletProfilesTest.Selected.insert(profile)) {
      CardSession session = card.session();
      assertEquals(0x6A88, session.send("00F70082").getSW(), "an empty retired slot");
      assertEquals(0x6A88, session.send("00F70095").getSW(), "an empty retired slot");
      assertEquals(0x6A86, session.send("00F70001").getSW());
      assertEquals(0x6A86, session.send("00F70180").getSW());
    }
  }

  private static void assertKey(
      CardSession session, String slot, String algorithm, String policy, PublicKey key)
      throws Exception {
    ResponseAPDU answer = session.sendAll("00F700" + slot);
    assertEquals(0x9000, answer.getSW(), slot);
    Map<Integer, byte[]> metadata = tlvs(answer.getData());
    assertEquals(java.util.List.of(1, 2, 3, 4), java.util.List.copyOf(metadata.keySet()), slot);
    assertEquals(algorithm, hex(metadata.get(1)), slot);
    assertEquals(policy, hex(metadata.get(2)), slot);
    assertEquals("01", hex(metadata.get(3)), "generated in " + slot);
    assertEquals(key, CardSession.publicKey(metadata.get(4)), slot);
  }

  // One-byte tags, BER lengths, in order.
  private static Map<Integer, byte[]> tlvs(byte[] data) {
    Map<Integer, byte[]> tlvs = new LinkedHashMap<>();
    int offset = 0;
    while (offset < data.length) {
      int tag = data[offset++] & 0xFF;
      int length = data[offset++] & 0xFF;
      if (length == 0x81) {
        length = data[offset++] & 0xFF;
      } else if (length == 0x82) {
        length = ((data[offset] & 0xFF) << 8) | (data[offset + 1] & 0xFF);
        offset += 2;
      }
      tlvs.put(tag, Arrays.copyOfRange(data, offset, offset + length));
      offset += length;
    }
    return tlvs;
  }

  private static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }
}
