package fr.aed.station.crypto.pades;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.enumerations.TimestampType;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.reports.Reports;
import fr.aed.station.crypto.SoftwareDeviceKey;
import fr.aed.station.crypto.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PAdES baseline B-T: a sheet signed by a key its CA certifies, timestamped by a real RFC 3161
 * authority of our own on the loopback interface, checked by our verifier, EU DSS and pdfsig.
 */
class TimestampedSignatureTest {

  private static LoopbackTsa tsa;
  private static SoftwareDeviceKey key;
  private static X509Certificate ca;
  private static List<X509Certificate> chain;
  private static SignatureDetails details;
  private static byte[] unsigned;
  private static byte[] stamped;
  private static Instant before;
  private static Instant after;

  @TempDir Path tempDir;

  @BeforeAll
  static void signWithTheAuthority() throws Exception {
    tsa = LoopbackTsa.start();
    SoftwareDeviceKey caKey = SoftwareDeviceKey.rsa(2048);
    ca = TestCertificates.authority(caKey, "AED Test CA", Instant.now().minus(Duration.ofDays(2)));
    key = SoftwareDeviceKey.rsa(2048);
    chain = List.of(TestCertificates.issued(key, "Francois Gerard", ca, caKey), ca);
    details =
        new SignatureDetails(
            "Maître François Gérard", "Fiche d'intervention signée", "Lyon", ZonedDateTime.now());
    unsigned = PdfA3Sample.create();
    before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    stamped = new PadesSigner().sign(unsigned, key, chain, details, Optional.of(authority()));
    after = Instant.now();
  }

  @AfterAll
  static void stopAuthority() {
    tsa.close();
  }

  @BeforeEach
  void answerWithTokens() {
    tsa.answer(LoopbackTsa.Answer.TOKEN);
  }

  @Test
  void ourVerifierFindsAValidTimestampFromTheSigningWindow() throws Exception {
    SheetSignatureReport report = new PadesVerifier().verify(stamped);
    assertTrue(report.valid(), report.toString());
    SignatureCheck check = report.signatures().get(0);
    assertTrue(check.timestamped(), check.toString());
    TimestampCheck timestamp = check.timestamp().orElseThrow();
    assertTrue(timestamp.imprintMatches() && timestamp.tokenVerifies(), timestamp.toString());
    assertEquals(
        tsa.certificate().getSubjectX500Principal().getName(), timestamp.authoritySubject());
    assertFalse(
        timestamp.time().isBefore(before) || timestamp.time().isAfter(after),
        timestamp.time() + " not between " + before + " and " + after);
  }

  @Test
  void theTokenIsAnUnsignedAttributeAndTheSignedAttributesStayThoseOfBaselineB() throws Exception {
    SignerInformation signer = signer(stamped);
    assertNotNull(
        signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken));
    assertNull(signer.getSignedAttributes().get(CMSAttributes.signingTime));
    assertNotNull(
        signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2));
  }

  @Test
  void dssSeesBaselineTWhoseTimestampPasses() {
    Reports reports = OfflineDss.validate(stamped, ca, tsa.certificate());
    SimpleReport simple = reports.getSimpleReport();
    String id = simple.getFirstSignatureId();
    assertEquals(
        SignatureLevel.PAdES_BASELINE_T,
        simple.getSignatureFormat(id),
        reports.getXmlSimpleReport());
    SignatureWrapper signature = reports.getDiagnosticData().getSignatureById(id);
    assertTrue(signature.isSignatureIntact() && signature.isSignatureValid(), "signature valid");
    List<TimestampWrapper> timestamps = signature.getTimestampList();
    assertEquals(1, timestamps.size());
    TimestampWrapper timestamp = timestamps.get(0);
    assertEquals(TimestampType.SIGNATURE_TIMESTAMP, timestamp.getType());
    assertTrue(timestamp.isMessageImprintDataIntact(), "imprint intact");
    assertTrue(timestamp.isSignatureIntact() && timestamp.isSignatureValid(), "token valid");
    assertEquals(
        Indication.PASSED,
        reports.getDetailedReport().getBasicTimestampValidationIndication(timestamp.getId()),
        reports.getXmlDetailedReport());
    // Offline, nothing says the CA has not revoked the signer's certificate: DSS cannot conclude.
    assertEquals(Indication.INDETERMINATE, simple.getIndication(id));
    assertEquals(SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE, simple.getSubIndication(id));
  }

  @Test
  void dssPassesBaselineTForASelfSignedSignerItTrusts() throws Exception {
    SignedSample sample = SignedSample.of("EC");
    byte[] pdf =
        new PadesSigner()
            .sign(
                sample.unsigned(),
                sample.key(),
                List.of(sample.certificate()),
                SignedSample.DETAILS,
                Optional.of(authority()));
    SimpleReport simple =
        OfflineDss.validate(pdf, sample.certificate(), tsa.certificate()).getSimpleReport();
    String id = simple.getFirstSignatureId();
    assertEquals(SignatureLevel.PAdES_BASELINE_T, simple.getSignatureFormat(id));
    assertEquals(
        Indication.TOTAL_PASSED, simple.getIndication(id), simple.getSubIndication(id) + "");
  }

  @Test
  void pdfsigSaysTheTimestampedSignatureIsValid() throws Exception {
    Path pdf = tempDir.resolve("stamped.pdf");
    Files.write(pdf, stamped);
    String report = Pdfsig.report(pdf);
    assertTrue(report.contains(Pdfsig.VALID), report);
  }

  @ParameterizedTest
  @CsvSource({
    "HTTP_500, answered HTTP 500",
    "WRONG_NONCE, has another nonce than the request's",
    "WRONG_IMPRINT, covers another message imprint than the one sent",
  })
  void aFailingAuthorityStopsTheSigning(LoopbackTsa.Answer answer, String expected) {
    tsa.answer(answer);
    TimestampException thrown = assertThrows(TimestampException.class, () -> signWith(authority()));
    assertTrue(thrown.getMessage().contains(expected), thrown.getMessage());
  }

  @Test
  void anAuthorityThatIsDownStopsTheSigning() throws Exception {
    TimestampAuthority down =
        new HttpTimestampAuthority(
            HttpTimestampAuthorityTest.refusingAddress(), Duration.ofSeconds(5));
    TimestampException thrown = assertThrows(TimestampException.class, () -> signWith(down));
    assertTrue(thrown.getMessage().startsWith("cannot connect"), thrown.getMessage());
  }

  @Test
  void aTokenOverAnotherValueIsRefusedBeforeItReachesThePdf() {
    // An authority that answers its own nonce but timestamps something else than it was given.
    TimestampAuthority elsewhere =
        imprint -> authority().timestamp(BaselineSignedAttributes.sha256(imprint));
    TimestampException thrown = assertThrows(TimestampException.class, () -> signWith(elsewhere));
    assertEquals("the timestamp token does not cover the signature value", thrown.getMessage());
  }

  @Test
  void theVerifierTellsATokenOverAnotherValueFromAGoodOne() throws Exception {
    byte[] value = "a signature value".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    TimeStampToken token =
        new TimeStampToken(
            ContentInfo.getInstance(authority().timestamp(BaselineSignedAttributes.sha256(value))));
    assertTrue(TimestampCheck.of(token, value).valid());
    TimestampCheck other = TimestampCheck.of(token, "another value".getBytes());
    assertFalse(other.imprintMatches() || other.valid(), other.toString());
    assertTrue(other.tokenVerifies(), "the token itself is sound");
  }

  @Test
  void withoutAuthorityTheSignatureIsExactlyBaselineB() throws Exception {
    byte[] plain = new PadesSigner().sign(unsigned, key, chain, details);
    byte[] viaOption = new PadesSigner().sign(unsigned, key, chain, details, Optional.empty());
    // Byte for byte they differ only in the file identifier PDFBox draws at each save.
    assertEquals(reserved(plain), reserved(viaOption), "the same room is reserved");
    assertEquals(
        reserved(plain) + PadesSigner.TIMESTAMP_ROOM, reserved(stamped), "room for a token");
    assertNull(signer(viaOption).getUnsignedAttributes());
    SignatureCheck check = new PadesVerifier().verify(viaOption).signatures().get(0);
    assertTrue(check.valid() && check.timestamp().isEmpty(), check.toString());
    SimpleReport simple = OfflineDss.validate(viaOption, ca).getSimpleReport();
    assertEquals(
        SignatureLevel.PAdES_BASELINE_B, simple.getSignatureFormat(simple.getFirstSignatureId()));
  }

  private static byte[] signWith(TimestampAuthority authority) throws Exception {
    return new PadesSigner().sign(unsigned, key, chain, details, Optional.of(authority));
  }

  private static TimestampAuthority authority() {
    return new HttpTimestampAuthority(tsa.url(), Duration.ofSeconds(10));
  }

  /** The bytes reserved for the CMS: the /Contents hex string the ByteRange leaves out. */
  private static int reserved(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      int[] byteRange = document.getLastSignatureDictionary().getByteRange();
      return (byteRange[2] - byteRange[1] - 2) / 2;
    }
  }

  private static SignerInformation signer(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      CMSSignedData cms = new CMSSignedData(document.getLastSignatureDictionary().getContents(pdf));
      return cms.getSignerInfos().getSigners().iterator().next();
    }
  }
}
