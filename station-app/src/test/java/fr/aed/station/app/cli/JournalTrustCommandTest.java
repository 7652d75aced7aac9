package fr.aed.station.app.cli;

import static fr.aed.station.app.cli.DemoStations.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.store.JournalForgery;
import fr.aed.station.app.store.TestAuthority;
import fr.aed.station.crypto.Fingerprints;
import fr.aed.station.crypto.SoftwareDeviceKey;
import fr.aed.station.crypto.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code journal verify} against a trust list, on a demonstration station's real journal (two
 * meetings, two seals), tampered with by someone who can write the data folder but holds no
 * officer's card.
 */
class JournalTrustCommandTest {

  @TempDir static Path shared;
  private static Path station;
  private static long firstSeal;

  @TempDir Path dir;
  private Path data;

  @BeforeAll
  static void twoDemoMeetings() throws Exception {
    station = shared.resolve("station");
    DemoStations.demo(station, shared.resolve("out-1"));
    DemoStations.demo(station, shared.resolve("out-2"));
    JsonNode verified = json(station, "--demo");
    firstSeal = verified.get("sealingCertificates").get(0).get("firstSequence").asLong();
  }

  @BeforeEach
  void copyOfTheStation() throws Exception {
    data = DemoStations.copy(station, dir.resolve("data"));
  }

  private static JsonNode json(Path data, String... options) throws Exception {
    String[] args = new String[options.length + 5];
    args[0] = "journal";
    args[1] = "verify";
    args[2] = "--json";
    args[3] = "--data-dir";
    args[4] = data.toString();
    System.arraycopy(options, 0, args, 5, options.length);
    String[] result = run(args);
    JsonNode node = EnrollmentFile.mapper().readTree(result[1]);
    assertEquals(node.get("intact").asBoolean() ? "0" : "1", result[0], result[2]);
    return node;
  }

  private String[] verify(String... options) {
    String[] args = new String[options.length + 4];
    args[0] = "journal";
    args[1] = "verify";
    args[2] = "--data-dir";
    args[3] = data.toString();
    System.arraycopy(options, 0, args, 4, options.length);
    return run(args);
  }

  @Test
  void aDemonstrationStationHoldsWithDemoAndSaysItsSealsProveNothing() throws Exception {
    X509Certificate officer = new JournalForgery(data.resolve("station.db")).firstSealCertificate();

    String[] result = verify("--demo");

    assertEquals("0", result[0], result[2]);
    assertTrue(result[1].startsWith("Journal intact: "), result[1]);
    // two demos, each sealed at its close and again once its certificate is installed
    assertTrue(result[1].contains("4 seal(s)"), result[1]);
    assertTrue(
        result[1].contains(
            "Sealed by "
                + officer.getSubjectX500Principal().getName()
                + ": certificate SHA-256 "
                + Fingerprints.sha256Hex(officer.getEncoded())
                + ", 4 seal(s)"),
        result[1]);
    assertTrue(result[1].contains("(DEMONSTRATION authority)"), result[1]);
    assertTrue(result[1].contains("DEMONSTRATION seals"), result[1]);
    assertEquals(1, result[1].lines().filter(l -> l.startsWith("Sealed by")).count());
  }

  @Test
  void theJsonSaysWhoSealedWithWhichCertificateOncePerCertificate() throws Exception {
    JsonNode node = json(data, "--demo");

    assertTrue(node.get("trustChecked").asBoolean());
    assertTrue(node.get("demonstration").asBoolean());
    assertEquals(4, node.get("seals").asInt());
    assertEquals(1, node.get("sealingCertificates").size());
    JsonNode certificate = node.get("sealingCertificates").get(0);
    assertEquals(4, certificate.get("seals").asInt());
    assertEquals(64, certificate.get("sha256").asText().length());
    assertTrue(certificate.get("authority").get("demonstration").asBoolean());
    assertTrue(
        certificate.get("authority").get("subject").asText().contains("Autorité de démonstration"));
  }

  @Test
  void withoutATrustListTheSealsAreNotClaimedTrusted() throws Exception {
    String[] result = verify();

    assertEquals("1", result[0]);
    assertFalse(result[1].contains("Journal intact"), result[1]);
    assertTrue(result[1].startsWith("Journal chain holds: "), result[1]);
    assertTrue(result[1].contains("NOT checked against a trust list"), result[1]);
    assertTrue(
        result[2].startsWith(
            "error: the seals were not checked against a trust list: give" + " --trust-list FILE"),
        result[2]);
    JsonNode node = json(data);
    assertTrue(node.get("chainHolds").asBoolean());
    assertFalse(node.get("trustChecked").asBoolean());
    assertFalse(node.get("intact").asBoolean());
  }

  @Test
  void aJournalEditedRechainedAndResealedWithASelfSignedLookAlikeIsBroken() throws Exception {
    JournalForgery forgery = new JournalForgery(data.resolve("station.db"));
    X509Certificate officer = forgery.firstSealCertificate();
    SoftwareDeviceKey forger = SoftwareDeviceKey.ec("secp256r1");
    X509Certificate lookAlike =
        TestCertificates.certificate(
            forger,
            officer.getSubjectX500Principal(),
            null,
            null,
            Instant.now().minus(Duration.ofDays(30)),
            Instant.now().plus(Duration.ofDays(365)),
            KeyUsage.digitalSignature | KeyUsage.nonRepudiation);

    forgery.editAndRechain(3, "{\"forged\":\"1\"}");
    forgery.resealAll(forger, lookAlike);

    // The chain and the seals' signatures hold: only the trust list tells the forgery.
    assertTrue(json(data).get("chainHolds").asBoolean());
    String[] result = verify("--demo");
    assertEquals("1", result[0], result[2]);
    assertTrue(
        result[1].startsWith(
            "Journal BROKEN at entry "
                + firstSeal
                + ": sealed with a certificate no trusted authority issued: "
                + fr.aed.station.app.text.VisibleText.of(
                    officer.getSubjectX500Principal().getName())
                + ", self-signed"),
        result[1]);
  }

  @Test
  void aSealMadeAfterItsCertificateExpiredIsBroken() throws Exception {
    TestAuthority authority = TestAuthority.create("AED Test CA");
    Path trustList = authority.writeTrustList(dir.resolve("trust.pem"));
    JournalForgery forgery = new JournalForgery(data.resolve("station.db"));
    SoftwareDeviceKey officer = SoftwareDeviceKey.ec("secp256r1");
    X509Certificate expired =
        authority.certify(
            officer,
            forgery.firstSealCertificate().getSubjectX500Principal(),
            Instant.parse("2020-06-01T00:00:00Z"),
            Instant.parse("2021-06-01T00:00:00Z"));
    forgery.resealAll(officer, expired);

    String[] result = verify("--trust-list", trustList.toString());

    assertEquals("1", result[0], result[2]);
    assertTrue(
        result[1].startsWith(
            "Journal BROKEN at entry " + firstSeal + ": sealed with a certificate not valid at "),
        result[1]);
  }

  @Test
  void aRevokedCertificateBreaksTheSealsWhenItsRevocationListIsGiven() throws Exception {
    TestAuthority authority = TestAuthority.create("AED Test CA");
    Path trustList = authority.writeTrustList(dir.resolve("trust.pem"));
    JournalForgery forgery = new JournalForgery(data.resolve("station.db"));
    SoftwareDeviceKey officer = SoftwareDeviceKey.ec("secp256r1");
    X509Certificate certificate =
        authority.certify(
            officer,
            forgery.firstSealCertificate().getSubjectX500Principal(),
            Instant.now().minus(Duration.ofDays(30)),
            Instant.now().plus(Duration.ofDays(365)));
    forgery.resealAll(officer, certificate);
    Path crl = authority.writeRevocationList(dir.resolve("revoked.crl"), certificate);

    String[] trusted = verify("--trust-list", trustList.toString());
    assertEquals("0", trusted[0], trusted[2]);
    assertTrue(trusted[1].contains("(trust list)"), trusted[1]);
    assertFalse(trusted[1].contains("DEMONSTRATION"), trusted[1]);

    String[] revoked = verify("--trust-list", trustList.toString(), "--crl", crl.toString());
    assertEquals("1", revoked[0], revoked[2]);
    assertTrue(
        revoked[1].startsWith(
            "Journal BROKEN at entry " + firstSeal + ": sealed with a revoked certificate: "),
        revoked[1]);
  }

  @Test
  void unusableTrustOptionsAreUsageErrorsOnOneLine() throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");
    Path empty = Files.createDirectories(dir.resolve("empty-station"));

    String[][] results = {
      verify("--trust-list", garbage.toString()),
      verify("--trust-list", dir.resolve("missing.pem").toString()),
      verify("--demo", "--crl", garbage.toString()),
      verify("--crl", garbage.toString()),
      run("journal", "verify", "--demo", "--data-dir", empty.toString())
    };

    for (String[] result : results) {
      assertEquals("2", result[0], result[1] + result[2]);
      assertTrue(result[2].startsWith("error: "), result[2]);
      assertEquals(1, result[2].lines().count(), result[2]);
      assertEquals("", result[1]);
    }
  }
}
