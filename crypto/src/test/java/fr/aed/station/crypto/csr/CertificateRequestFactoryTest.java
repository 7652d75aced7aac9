package fr.aed.station.crypto.csr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.crypto.DeviceKey;
import fr.aed.station.crypto.DeviceSigningException;
import fr.aed.station.crypto.SoftwareDeviceKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateRequestFactoryTest {

  private static final RequestSubject SUBJECT =
      RequestSubject.forFrenchCompany(
          "Élodie", "Lefèvre-Dubois", "Atelier Numérique Démo", "73282932000074", "e@example.fr");

  private final CertificateRequestFactory factory = new CertificateRequestFactory();
  private final CertificateRequestCheck check = new CertificateRequestCheck();

  @TempDir Path dir;

  @Test
  void rsaRequestIsSha256SignedAndCarriesTheDeviceKey() throws Exception {
    DeviceKey key = SoftwareDeviceKey.rsa(2048);
    PKCS10CertificationRequest request = factory.build(SUBJECT, key);

    assertEquals(List.of(), check.problems(request, key.publicKey()));
    assertEquals(
        PKCSObjectIdentifiers.sha256WithRSAEncryption,
        request.getSignatureAlgorithm().getAlgorithm());
  }

  @Test
  void ecRequestIsSha256SignedAndCarriesTheDeviceKey() throws Exception {
    DeviceKey key = SoftwareDeviceKey.ec("secp256r1");
    PKCS10CertificationRequest request = factory.build(SUBJECT, key);

    assertEquals(List.of(), check.problems(request, key.publicKey()));
  }

  @Test
  void namesAreUtf8AndCountryIsPrintable() throws Exception {
    PKCS10CertificationRequest request = factory.build(SUBJECT, SoftwareDeviceKey.ec("secp256r1"));
    var subject = request.getSubject();

    ASN1Encodable givenName = subject.getRDNs(BCStyle.GIVENNAME)[0].getFirst().getValue();
    assertInstanceOf(DERUTF8String.class, givenName);
    assertEquals("Élodie", givenName.toString());
    assertInstanceOf(DERPrintableString.class, subject.getRDNs(BCStyle.C)[0].getFirst().getValue());
    assertEquals(
        "NTRFR-73282932000074",
        subject.getRDNs(BCStyle.ORGANIZATION_IDENTIFIER)[0].getFirst().getValue().toString());
    assertEquals(0, subject.getRDNs(BCStyle.EmailAddress).length, "no e-mail in the DN");
  }

  // RFC 4514 reads "#..." as hex-encoded DER: a dossier's company name once put "Banque de
  // France" (UTF8String 0C 10 ...) into the O of a qualified certificate request this way.
  @Test
  void aNameStartingWithHashIsTheTextItIsNotEncodedDer() throws Exception {
    String hostile = "#0C1042616E717565206465204672616E6365";
    RequestSubject subject =
        RequestSubject.forFrenchCompany(
            "Élodie", "#0C03414243", hostile, "73282932000074", "e@example.fr");
    PKCS10CertificationRequest request = factory.build(subject, SoftwareDeviceKey.ec("secp256r1"));

    ASN1Encodable organization = request.getSubject().getRDNs(BCStyle.O)[0].getFirst().getValue();
    assertInstanceOf(DERUTF8String.class, organization);
    assertEquals(hostile, organization.toString());
    assertEquals(
        "#0C03414243",
        request.getSubject().getRDNs(BCStyle.SURNAME)[0].getFirst().getValue().toString());
    assertFalse(request.getSubject().toString().contains("Banque de France"));
  }

  @Test
  void anEmailThatIsNotAsciiIsRefusedNotTruncated() {
    RequestSubject subject =
        RequestSubject.forFrenchCompany(
            "Élodie", "Lefèvre", "Atelier", "91234567500017", "ceo@ex\u0161mple.com");
    assertThrows(
        IllegalArgumentException.class,
        () -> factory.build(subject, SoftwareDeviceKey.ec("secp256r1")));
  }

  @Test
  void emailGoesInSubjectAltName() throws Exception {
    PKCS10CertificationRequest request = factory.build(SUBJECT, SoftwareDeviceKey.ec("secp256r1"));

    Extensions extensions =
        Extensions.getInstance(
            request
                .getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)[0]
                .getAttrValues()
                .getObjectAt(0));
    GeneralName name =
        GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName).getNames()[0];
    assertEquals(GeneralName.rfc822Name, name.getTagNo());
    assertEquals("e@example.fr", name.getName().toString());
  }

  @Test
  void longCommonNameIsKeptWhole() throws Exception {
    String longSurname = "De La Tour D'Auvergne-Montmorency-Laval-Rohan-Chabot-Polignac";
    RequestSubject subject =
        RequestSubject.forFrenchCompany("Marie-Élisabeth", longSurname, "X", "73282932000074", "");
    PKCS10CertificationRequest request = factory.build(subject, SoftwareDeviceKey.ec("secp256r1"));

    String cn = request.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue().toString();
    assertTrue(cn.length() > 64);
    assertEquals("Marie-Élisabeth " + longSurname, cn);
  }

  @Test
  void checkRefusesARequestForAnotherKey() throws Exception {
    PKCS10CertificationRequest request = factory.build(SUBJECT, SoftwareDeviceKey.rsa(2048));
    PublicKey other = SoftwareDeviceKey.rsa(2048).publicKey();

    List<String> problems = check.problems(request, other);
    assertTrue(problems.contains("the request's public key is not the key generated on the token"));
    assertTrue(problems.contains("the request's signature does not verify"));
    assertThrows(InvalidRequestException.class, () -> check.verify(request, other));
  }

  @Test
  void checkRefusesASignatureFromAnotherKey() throws Exception {
    SoftwareDeviceKey shown = SoftwareDeviceKey.ec("secp256r1");
    SoftwareDeviceKey signing = SoftwareDeviceKey.ec("secp256r1");
    DeviceKey lying =
        new DeviceKey() {
          @Override
          public PublicKey publicKey() {
            return shown.publicKey();
          }

          @Override
          public byte[] signSha256(byte[] data) throws DeviceSigningException {
            return signing.signSha256(data);
          }
        };
    PKCS10CertificationRequest request = factory.build(SUBJECT, lying);

    assertEquals(
        List.of("the request's signature does not verify"),
        check.problems(request, shown.publicKey()));
  }

  @Test
  void deviceFailureReachesTheCaller() throws Exception {
    SoftwareDeviceKey real = SoftwareDeviceKey.ec("secp256r1");
    DeviceSigningException failure = new DeviceSigningException("card removed", null);
    DeviceKey failing =
        new DeviceKey() {
          @Override
          public PublicKey publicKey() {
            return real.publicKey();
          }

          @Override
          public byte[] signSha256(byte[] data) throws DeviceSigningException {
            throw failure;
          }
        };

    DeviceSigningException thrown =
        assertThrows(DeviceSigningException.class, () -> factory.build(SUBJECT, failing));
    assertSame(failure, thrown);
  }

  @Test
  void opensslVerifiesTheRequestAndShowsTheSubject() throws Exception {
    PKCS10CertificationRequest request = factory.build(SUBJECT, SoftwareDeviceKey.rsa(2048));
    Path pem = dir.resolve("request.pem");
    Files.writeString(pem, CertificateRequestFactory.toPem(request));

    String output =
        run(
            "openssl",
            "req",
            "-in",
            pem.toString(),
            "-noout",
            "-verify",
            "-text",
            "-nameopt",
            "utf8,sep_comma_plus_space");

    assertTrue(
        output.contains("verify OK")
            || output.contains("Certificate request self-signature verify OK"),
        output);
    assertTrue(output.contains("GN=Élodie") || output.contains("givenName=Élodie"), output);
    assertTrue(output.contains("Lefèvre-Dubois"), output);
    assertTrue(output.contains("sha256WithRSAEncryption"), output);
    assertTrue(output.contains("email:e@example.fr"), output);
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError(
          command[0] + " is needed for this test: install the openssl package", e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
    return output;
  }
}
