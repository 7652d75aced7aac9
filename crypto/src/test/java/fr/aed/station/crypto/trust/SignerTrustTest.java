package fr.aed.station.crypto.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.crypto.Pem;
import fr.aed.station.crypto.SoftwareDeviceKey;
import fr.aed.station.crypto.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Officers' certificates judged against a trust list, with certificates made here. */
class SignerTrustTest {

  private static final int SIGNING = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
  private static final Instant SEALED = Instant.parse("2026-11-24T10:00:00Z");

  @TempDir Path dir;
  private SoftwareDeviceKey caKey;
  private X509Certificate ca;
  private SoftwareDeviceKey officerKey;
  private TrustList list;

  @BeforeEach
  void authority() throws Exception {
    caKey = SoftwareDeviceKey.ec("secp256r1");
    ca = TestCertificates.authority(caKey, "AED Test CA", Instant.parse("2026-01-01T00:00:00Z"));
    officerKey = SoftwareDeviceKey.ec("secp256r1");
    list = TrustList.read(pem("trust.pem", ca));
  }

  private Path pem(String name, Object... objects) throws Exception {
    return Files.writeString(dir.resolve(name), Pem.of(objects), StandardCharsets.US_ASCII);
  }

  private X509Certificate officer(Instant from, Instant to, int usage) throws Exception {
    return TestCertificates.issued(officerKey, "Jean Exemple", ca, caKey, from, to, usage);
  }

  private X509Certificate officer() throws Exception {
    return officer(
        Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2029-06-01T00:00:00Z"), SIGNING);
  }

  @Test
  void aCertificateTheAuthorityIssuedIsTrustedAndNamesIt() throws Exception {
    SignerVerdict verdict = new SignerTrust(list).verdict(officer().getEncoded());

    assertEquals("", verdict.refusalAt(SEALED).orElse(""));
    assertEquals(ca, verdict.authority().orElseThrow().certificate());
    assertTrue(verdict.subject().contains("CN=Jean Exemple"), verdict.subject());
    assertFalse(verdict.demonstration());
  }

  @Test
  void aSelfSignedLookAlikeIsRefused() throws Exception {
    X509Certificate lookAlike = TestCertificates.selfSigned(officerKey, "Jean Exemple");

    String refusal =
        new SignerTrust(list).verdict(lookAlike.getEncoded()).refusalAt(SEALED).orElseThrow();

    assertTrue(refusal.startsWith("a certificate no trusted authority issued: "), refusal);
    assertTrue(refusal.contains("CN=Jean Exemple"), refusal);
    assertTrue(refusal.endsWith(", self-signed"), refusal);
  }

  @Test
  void anAuthorityOfTheSameNameButAnotherKeyIsNotTrusted() throws Exception {
    SoftwareDeviceKey forgerKey = SoftwareDeviceKey.ec("secp256r1");
    X509Certificate forgedCa =
        TestCertificates.authority(forgerKey, "AED Test CA", Instant.parse("2026-01-01T00:00:00Z"));
    X509Certificate forged =
        TestCertificates.issued(
            officerKey,
            "Jean Exemple",
            forgedCa,
            forgerKey,
            Instant.parse("2026-06-01T00:00:00Z"),
            Instant.parse("2029-06-01T00:00:00Z"),
            SIGNING);

    String refusal =
        new SignerTrust(list).verdict(forged.getEncoded()).refusalAt(SEALED).orElseThrow();

    assertTrue(refusal.contains("no trusted authority issued"), refusal);
    assertTrue(refusal.contains(", issued by C=FR,O=Atelier Lumiere SAS,CN=AED Test CA"), refusal);
  }

  @Test
  void aSealMadeAfterTheCertificateExpiredIsRefused() throws Exception {
    X509Certificate expired =
        officer(
            Instant.parse("2026-01-02T00:00:00Z"), Instant.parse("2026-06-30T00:00:00Z"), SIGNING);
    SignerVerdict verdict = new SignerTrust(list).verdict(expired.getEncoded());

    assertTrue(verdict.refusalAt(Instant.parse("2026-03-01T00:00:00Z")).isEmpty());
    String refusal = verdict.refusalAt(SEALED).orElseThrow();
    assertTrue(refusal.startsWith("a certificate not valid at " + SEALED), refusal);
    assertTrue(verdict.refusalAt(Instant.parse("2026-01-01T00:00:00Z")).isPresent());
  }

  @Test
  void aCertificateWithoutASigningKeyUsageIsRefused() throws Exception {
    X509Certificate keyManagement =
        officer(
            Instant.parse("2026-06-01T00:00:00Z"),
            Instant.parse("2029-06-01T00:00:00Z"),
            KeyUsage.keyEncipherment);

    String refusal =
        new SignerTrust(list).verdict(keyManagement.getEncoded()).refusalAt(SEALED).orElseThrow();

    assertTrue(refusal.startsWith("a certificate not meant for signing"), refusal);
  }

  @Test
  void aRevokedCertificateIsRefusedAndAnotherIsNot() throws Exception {
    X509Certificate revoked = officer();
    X509Certificate other = officer();
    X509CRL crl = TestCertificates.revocationList(ca, caKey, revoked);
    SignerTrust trust = new SignerTrust(list.withRevocations(crl, "test.crl"));

    String refusal = trust.verdict(revoked.getEncoded()).refusalAt(SEALED).orElseThrow();
    assertTrue(refusal.startsWith("a revoked certificate: "), refusal);
    assertTrue(refusal.contains("CN=Jean Exemple, revoked on "), refusal);
    assertTrue(refusal.endsWith("by C=FR,O=Atelier Lumiere SAS,CN=AED Test CA"), refusal);
    assertTrue(trust.verdict(other.getEncoded()).refusalAt(SEALED).isEmpty());
  }

  @Test
  void aRevocationListNoAuthoritySignedIsRefused() throws Exception {
    SoftwareDeviceKey otherKey = SoftwareDeviceKey.ec("secp256r1");
    X509Certificate otherCa =
        TestCertificates.authority(otherKey, "AED Test CA", Instant.parse("2026-01-01T00:00:00Z"));
    X509CRL crl = TestCertificates.revocationList(otherCa, otherKey, officer());

    TrustListException e =
        assertThrows(TrustListException.class, () -> list.withRevocations(crl, "forged.crl"));
    assertTrue(e.getMessage().contains("forged.crl is not signed by an authority"), e.getMessage());
  }

  @Test
  void eachCertificateIsJudgedOnce() throws Exception {
    SignerTrust trust = new SignerTrust(list);
    byte[] certificate = officer().getEncoded();

    assertSame(trust.verdict(certificate), trust.verdict(certificate.clone()));
  }

  @Test
  void anEmptyListChecksNothingAndTrustsNothing() throws Exception {
    SignerTrust trust = new SignerTrust(TrustList.empty());

    assertFalse(trust.checks());
    assertTrue(trust.verdict(officer().getEncoded()).authority().isEmpty());
  }

  @Test
  void aDemonstrationAuthorityIsMarkedAsSuch() throws Exception {
    SignerTrust trust = new SignerTrust(TrustList.empty().with(new TrustedAuthority(ca, true)));

    SignerVerdict verdict = trust.verdict(officer().getEncoded());
    assertTrue(verdict.refusalAt(SEALED).isEmpty());
    assertTrue(verdict.demonstration());
    assertTrue(trust.demonstration());
  }

  @Test
  void unreadableTrustListsAreRefusedWithTheirName() throws Exception {
    Path garbage =
        Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nxx\n");
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");
    Path missing = dir.resolve("missing.pem");

    for (Path file : new Path[] {garbage, empty, missing}) {
      TrustListException e = assertThrows(TrustListException.class, () -> TrustList.read(file));
      assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
    assertThrows(TrustListException.class, () -> TrustList.readRevocationList(garbage));
  }

  @Test
  void aTrustListOfSeveralAuthoritiesTrustsEach() throws Exception {
    SoftwareDeviceKey secondKey = SoftwareDeviceKey.ec("secp256r1");
    X509Certificate second =
        TestCertificates.authority(secondKey, "Second CA", Instant.parse("2026-01-01T00:00:00Z"));
    TrustList both = TrustList.read(pem("both.pem", ca, second));
    X509Certificate bySecond =
        TestCertificates.issued(
            officerKey,
            "Jean Exemple",
            second,
            secondKey,
            Instant.parse("2026-06-01T00:00:00Z"),
            Instant.parse("2029-06-01T00:00:00Z"),
            SIGNING);

    SignerVerdict verdict = new SignerTrust(both).verdict(bySecond.getEncoded());

    assertEquals(2, both.anchors().size());
    assertEquals(second, verdict.authority().orElseThrow().certificate());
  }

  @Test
  void revocationListsAreReadInDerAndPem() throws Exception {
    X509CRL crl = TestCertificates.revocationList(ca, caKey, officer());
    Path der = Files.write(dir.resolve("a.crl"), crl.getEncoded());
    Path pem = pem("a.crl.pem", crl);

    assertEquals(crl, TrustList.readRevocationList(der));
    assertEquals(crl, TrustList.readRevocationList(pem));
  }
}
