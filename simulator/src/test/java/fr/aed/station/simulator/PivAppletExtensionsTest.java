package fr.aed.station.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PIN and PUK management, the management key and the vendor commands PIV tools rely on. */
class PivAppletExtensionsTest {

  private static final String PIN = "313233343536FFFF";
  private static final String PUK = "3132333435363738";
  private static final String NEW_PIN = "3635343332310000".replace("0000", "FFFF");
  private static final String NEW_PUK = "3837363534333231";
  private static final String WRONG = "3030303030303030";

  private SimulatedCard card;
  private CardSession session;

  @BeforeEach
  void insert() throws Exception {
    card = SimulatedCard.insert();
    session = new CardSession(card);
    session.select();
  }

  @AfterEach
  void remove() throws Exception {
    session.close();
    card.close();
  }

  @Test
  void versionIsFiveAndEachCardHasItsOwnSerial() throws Exception {
    ResponseAPDU version = session.send("00FD0000");
    assertEquals(0x9000, version.getSW());
    assertEquals(5, version.getData()[0]);
    byte[] serial = session.send("00F80000").getData();
    assertEquals(4, serial.length);
    assertTrue(serial[0] > 0, "a positive serial");
    try (SimulatedCard other = SimulatedCard.insert();
        CardSession otherSession = new CardSession(other)) {
      otherSession.select();
      assertNotEquals(
          HexFormat.of().formatHex(serial),
          HexFormat.of().formatHex(otherSession.send("00F80000").getData()));
    }
  }

  @Test
  void changePinNeedsTheOldOneAndCountsTries() throws Exception {
    assertEquals(0x63C2, session.send("0024008010" + WRONG + NEW_PIN).getSW());
    assertEquals(0x9000, session.send("0024008010" + PIN + NEW_PIN).getSW());
    assertEquals(0x9000, session.send("00200080").getSW(), "still verified after the change");
    session.select();
    assertEquals(0x63C2, session.send("0020008008" + PIN).getSW());
    assertEquals(0x9000, session.send("0020008008" + NEW_PIN).getSW());
    assertEquals(0x6700, session.send("0024008008" + PIN).getSW());
    assertEquals(0x6A86, session.send("0024008210" + PIN + NEW_PIN).getSW());
  }

  @Test
  void unblockPinWithThePuk() throws Exception {
    for (int i = 0; i < 3; i++) {
      session.send("0020008008" + WRONG);
    }
    assertEquals(0x6983, session.send("0020008008" + PIN).getSW());
    assertEquals(0x63C2, session.send("002C008010" + WRONG + NEW_PIN).getSW());
    assertEquals(0x9000, session.send("002C008010" + PUK + NEW_PIN).getSW());
    assertEquals(0x63C3, session.send("00200080").getSW());
    assertEquals(0x9000, session.send("0020008008" + NEW_PIN).getSW());
  }

  @Test
  void changedPukUnblocksAndABlockedPukRefusesEverything() throws Exception {
    assertEquals(0x9000, session.send("0024008110" + PUK + NEW_PUK).getSW());
    assertEquals(0x63C2, session.send("002C008010" + PUK + NEW_PIN).getSW());
    assertEquals(0x9000, session.send("002C008010" + NEW_PUK + NEW_PIN).getSW());
    session.send("0024008110" + WRONG + PUK);
    session.send("0024008110" + WRONG + PUK);
    assertEquals(0x63C0, session.send("0024008110" + WRONG + PUK).getSW());
    assertEquals(0x6983, session.send("002C008010" + NEW_PUK + PIN).getSW());
    assertEquals(0x6983, session.send("0024008110" + NEW_PUK + PUK).getSW());
  }

  @Test
  void managementKeyCanBeChangedTo3desAndAes() throws Exception {
    assertEquals(0x6982, session.send("00FFFFFF1B039B18" + "11".repeat(24)).getSW());
    session.authenticateManagementKey();
    byte[] des = HexFormat.of().parseHex("1122334455667788".repeat(3));
    assertEquals(0x9000, session.send("00FFFFFF1B039B18" + HexFormat.of().formatHex(des)).getSW());
    assertEquals(
        0x6982, session.authenticateManagementKey(0x03, CardSession.DEFAULT_MANAGEMENT_KEY));
    assertEquals(0x9000, session.authenticateManagementKey(0x03, des));

    byte[] aes = HexFormat.of().parseHex("000102030405060708090A0B0C0D0E0F");
    assertEquals(0x6A80, session.send("00FFFFFF1B089B18" + "00".repeat(24)).getSW());
    assertEquals(0x9000, session.send("00FFFFFF13089B10" + HexFormat.of().formatHex(aes)).getSW());
    // P1 must be the key's algorithm: YubiKeys answer 6A80 (6A86 before the cards were strict).
    assertEquals(0x6A80, session.send("0087039B047C028000").getSW());
    assertEquals(0x9000, session.authenticateManagementKey(0x08, aes));
    assertEquals(0x9000, session.send("0047009A05AC03800111").getSW());
  }

  @Test
  void attestationCertificateCertifiesTheGeneratedKey() throws Exception {
    session.authenticateManagementKey();
    ResponseAPDU generated = session.sendAll("0047009C05AC03800111");
    assertEquals(0x9000, generated.getSW());
    byte[] point = Arrays.copyOfRange(generated.getData(), 5, 5 + 65);

    assertEquals(0x6A88, session.send("00F99A0000").getSW());
    ResponseAPDU attested = session.sendAll("00F99C0000");
    assertEquals(0x9000, attested.getSW());
    X509Certificate attestation = certificate(attested.getData());

    ResponseAPDU f9 = session.sendAll("00CB3FFF055C035FFF01");
    assertEquals(0x9000, f9.getSW());
    byte[] object = f9.getData();
    int length = ((object[6] & 0xFF) << 8) | (object[7] & 0xFF);
    X509Certificate attestationKey = certificate(Arrays.copyOfRange(object, 8, 8 + length));

    attestationKey.verify(attestationKey.getPublicKey());
    assertTrue(attestationKey.getBasicConstraints() >= 0, "the attestation key is a CA");
    attestation.verify(attestationKey.getPublicKey());
    assertEquals(attestationKey.getSubjectX500Principal(), attestation.getIssuerX500Principal());
    assertEquals(
        "CN=Simulated PIV Attestation 9C", attestation.getSubjectX500Principal().getName());
    PublicKey key = attestation.getPublicKey();
    byte[] encoded = key.getEncoded();
    assertArrayEquals(point, Arrays.copyOfRange(encoded, encoded.length - 65, encoded.length));
  }

  @Test
  void attestsRsaKeysToo() throws Exception {
    session.authenticateManagementKey();
    assertEquals(0x9000, session.sendAll("0047009A05AC03800107").getSW());
    X509Certificate attestation = certificate(session.sendAll("00F99A0000").getData());
    assertEquals("RSA", attestation.getPublicKey().getAlgorithm());
  }

  private static X509Certificate certificate(byte[] der) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }
}
