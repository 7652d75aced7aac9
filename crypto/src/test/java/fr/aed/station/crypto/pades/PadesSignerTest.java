package fr.aed.station.crypto.pades;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.crypto.DeviceKey;
import fr.aed.station.crypto.DeviceSigningException;
import fr.aed.station.crypto.SoftwareDeviceKey;
import fr.aed.station.crypto.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PadesSignerTest {

  @TempDir Path tempDir;

  @ParameterizedTest
  @ValueSource(strings = {"RSA", "EC"})
  void theVerifierFindsOneValidSignatureWithItsTimeAndSigner(String algorithm) throws Exception {
    SignedSample sample = SignedSample.of(algorithm);
    SheetSignatureReport report = new PadesVerifier().verify(sample.signed());
    assertTrue(report.valid(), report.toString());
    assertEquals(1, report.signatures().size());
    SignatureCheck check = report.signatures().get(0);
    assertEquals("ETSI.CAdES.detached", check.subFilter());
    assertEquals(SignedSample.SIGNING_TIME.toInstant(), check.signingTime().toInstant());
    assertTrue(check.signerSubject().contains("CN=Francois Gerard " + algorithm), check.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"RSA", "EC"})
  void pdfsigSaysTheSignatureIsValid(String algorithm) throws Exception {
    Path pdf = write(SignedSample.of(algorithm).signed(), "signed.pdf");
    String report = Pdfsig.report(pdf);
    assertTrue(report.contains(Pdfsig.VALID), report);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RSA", "EC"})
  void theSignedSheetRemainsPdfA3b(String algorithm) throws Exception {
    SignedSample sample = SignedSample.of(algorithm);
    assertEquals("PDF/A-3B compliant", ArchiveConformance.check(sample.unsigned()).summary());
    assertEquals("PDF/A-3B compliant", ArchiveConformance.check(sample.signed()).summary());
  }

  @Test
  void appendsAnIncrementalUpdateWithThePadesDictionary() throws Exception {
    SignedSample sample = SignedSample.of("RSA");
    byte[] signed = sample.signed();
    byte[] prefix = Arrays.copyOf(signed, sample.unsigned().length);
    assertArrayEquals(sample.unsigned(), prefix, "the original revision is left untouched");
    try (PDDocument document = Loader.loadPDF(signed)) {
      PDSignature signature = document.getLastSignatureDictionary();
      assertEquals("Adobe.PPKLite", signature.getFilter());
      assertEquals("ETSI.CAdES.detached", signature.getSubFilter());
      assertEquals("Maître François Gérard", signature.getName());
      assertEquals("Fiche d'intervention signée", signature.getReason());
      assertEquals("Lyon", signature.getLocation());
      assertEquals(SignedSample.SIGNING_TIME.toInstant(), signature.getSignDate().toInstant());
    }
  }

  @Test
  void theCmsHasTheBaselineAttributesAndNoSigningTime() throws Exception {
    byte[] signed = SignedSample.of("EC").signed();
    try (PDDocument document = Loader.loadPDF(signed)) {
      CMSSignedData cms =
          new CMSSignedData(document.getLastSignatureDictionary().getContents(signed));
      assertNull(cms.getSignedContent(), "detached");
      assertEquals(1, cms.getSignerInfos().size());
      assertEquals(1, cms.getCertificates().getMatches(null).size());
      SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
      AttributeTable attributes = signer.getSignedAttributes();
      assertNotNull(attributes.get(CMSAttributes.contentType));
      assertNotNull(attributes.get(CMSAttributes.messageDigest));
      assertNotNull(attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2));
      assertNull(attributes.get(CMSAttributes.signingTime), "B-B has no signing-time");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"RSA", "EC"})
  void oneChangedByteInsideTheSignedRangeBreaksTheSignature(String algorithm) throws Exception {
    byte[] tampered = SignedSample.of(algorithm).signed().clone();
    // The second header line is a binary comment: changing it keeps the file parsable.
    int index = indexOf(tampered, "%PDF-1.") + 10;
    tampered[index] ^= 0x01;
    SheetSignatureReport report = new PadesVerifier().verify(tampered);
    assertFalse(report.valid(), report.toString());
    assertFalse(report.signatures().get(0).signatureVerifies(), report.toString());
    String pdfsig = Pdfsig.report(write(tampered, "tampered.pdf"));
    assertFalse(pdfsig.contains(Pdfsig.VALID), pdfsig);
    assertTrue(pdfsig.contains("Signature Validation:"), pdfsig);
  }

  @Test
  void anAppendedRevisionIsNotCoveredByTheSignature() throws Exception {
    byte[] signed = SignedSample.of("RSA").signed();
    byte[] extended = Arrays.copyOf(signed, signed.length + 2);
    extended[signed.length] = '%';
    extended[signed.length + 1] = '\n';
    SignatureCheck check = new PadesVerifier().verify(extended).signatures().get(0);
    assertTrue(check.signatureVerifies());
    assertFalse(check.coversWholeFile());
    assertFalse(check.valid());
  }

  @Test
  void includesTheWholeChainAndNamesTheSigningCertificate() throws Exception {
    SoftwareDeviceKey caKey = SoftwareDeviceKey.rsa(2048);
    X509Certificate ca =
        TestCertificates.authority(caKey, "AED Test CA", SignedSample.SIGNING_TIME.toInstant());
    SoftwareDeviceKey key = SoftwareDeviceKey.ec("secp256r1");
    X509Certificate leaf = TestCertificates.issued(key, "Elodie Lefevre-Dubois", ca, caKey);
    byte[] signed =
        new PadesSigner()
            .sign(SignedSample.of("EC").unsigned(), key, List.of(leaf, ca), SignedSample.DETAILS);
    SheetSignatureReport report = new PadesVerifier().verify(signed);
    assertTrue(report.valid(), report.toString());
    // RFC 4514 prints the name from its last RDN: the test name was encoded CN first.
    assertEquals(
        "C=FR,O=Atelier Lumiere SAS,CN=Elodie Lefevre-Dubois",
        report.signatures().get(0).signerSubject());
    assertEquals(
        leaf.getSubjectX500Principal().getName(), report.signatures().get(0).signerSubject());
    assertArrayEquals(leaf.getEncoded(), report.signatures().get(0).signerCertificate());
    try (PDDocument document = Loader.loadPDF(signed)) {
      byte[] contents = document.getLastSignatureDictionary().getContents(signed);
      assertEquals(2, new CMSSignedData(contents).getCertificates().getMatches(null).size());
    }
  }

  @Test
  void anUnsignedPdfHasNoValidSignature() throws Exception {
    SheetSignatureReport report = new PadesVerifier().verify(SignedSample.of("RSA").unsigned());
    assertTrue(report.signatures().isEmpty());
    assertFalse(report.valid());
  }

  @Test
  void theDevicesRefusalReachesTheCallerAndNothingIsReturned() throws Exception {
    SignedSample sample = SignedSample.of("RSA");
    DeviceSigningException refusal =
        new DeviceSigningException("card removed", new java.io.IOException("6A82"));
    DeviceKey refusing =
        new DeviceKey() {
          @Override
          public PublicKey publicKey() {
            return sample.key().publicKey();
          }

          @Override
          public byte[] signSha256(byte[] data) throws DeviceSigningException {
            throw refusal;
          }
        };
    DeviceSigningException thrown =
        assertThrows(
            DeviceSigningException.class,
            () ->
                new PadesSigner()
                    .sign(
                        sample.unsigned(),
                        refusing,
                        List.of(sample.certificate()),
                        SignedSample.DETAILS));
    assertSame(refusal, thrown);
  }

  @Test
  void refusesACertificateThatIsNotTheKeys() {
    SignedSample rsa = SignedSample.of("RSA");
    SignedSample ec = SignedSample.of("EC");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new PadesSigner()
                .sign(rsa.unsigned(), rsa.key(), List.of(ec.certificate()), SignedSample.DETAILS));
  }

  @Test
  void anUnreadablePdfIsASigningFailure() {
    SignedSample sample = SignedSample.of("EC");
    assertThrows(
        SheetSigningException.class,
        () ->
            new PadesSigner()
                .sign(
                    "not a pdf".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    sample.key(),
                    List.of(sample.certificate()),
                    SignedSample.DETAILS));
  }

  private Path write(byte[] pdf, String name) throws java.io.IOException {
    Path path = tempDir.resolve(name);
    Files.write(path, pdf);
    return path;
  }

  private static int indexOf(byte[] data, String ascii) {
    byte[] needle = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (int i = 0; i + needle.length <= data.length; i++) {
      if (Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new IllegalArgumentException(ascii + " not found");
  }
}
