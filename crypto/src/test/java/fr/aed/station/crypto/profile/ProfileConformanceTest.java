package fr.aed.station.crypto.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.crypto.DeviceContentSigner;
import fr.aed.station.crypto.SoftwareDeviceKey;
import fr.aed.station.crypto.csr.CertificateRequestFactory;
import fr.aed.station.crypto.csr.RequestSubject;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

/** The built request is held to the name policy itself, not only the values it came from. */
class ProfileConformanceTest {

  private static final String SIRET = "73282932000074";
  private final ProfileConformance conformance =
      new ProfileConformance(RequestProfile.load(RequestProfile.PACK_ID_RGS2));

  @Test
  void aSoundRequestHasNoProblem() throws Exception {
    SoftwareDeviceKey key = SoftwareDeviceKey.ec("secp256r1");
    PKCS10CertificationRequest request =
        new CertificateRequestFactory().build(subject("Œuvres"), key);
    assertEquals(List.of(), conformance.problems(request, key.publicKey()));
  }

  @Test
  void aDirectionOverrideThatSkippedTheLintIsFoundInTheRequest() throws Exception {
    SoftwareDeviceKey key = SoftwareDeviceKey.ec("secp256r1");
    PKCS10CertificationRequest request =
        new CertificateRequestFactory().build(subject("Atelier \u202Efdp.exe"), key);
    List<String> problems = conformance.problems(request, key.publicKey());
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("U+202E (RIGHT-TO-LEFT OVERRIDE)"), problems.toString());
  }

  @Test
  void aSecondOrganizationAndAMultiValuedNameAreFound() throws Exception {
    SoftwareDeviceKey key = SoftwareDeviceKey.ec("secp256r1");
    X500NameBuilder name = base();
    name.addRDN(BCStyle.O, new DERUTF8String("Banque de France"));
    name.addMultiValuedRDN(
        new AttributeTypeAndValue[] {
          new AttributeTypeAndValue(BCStyle.CN, new DERUTF8String("Zoé Lœwenbrück")),
          new AttributeTypeAndValue(BCStyle.L, new DERUTF8String("Paris"))
        });
    List<String> problems = conformance.problems(signed(name, key), key.publicKey());
    assertTrue(problems.contains("the subject carries O more than once"), problems.toString());
    assertTrue(problems.contains("the subject has a multi-valued RDN"), problems.toString());
  }

  @Test
  void anAttributeTheProfileDoesNotKnowIsFound() throws Exception {
    SoftwareDeviceKey key = SoftwareDeviceKey.ec("secp256r1");
    X500NameBuilder name = base();
    name.addRDN(BCStyle.CN, new DERUTF8String("Zoé Lœwenbrück"));
    name.addRDN(BCStyle.T, new DERUTF8String("Présidente"));
    List<String> problems = conformance.problems(signed(name, key), key.publicKey());
    assertTrue(
        problems.contains("the subject carries T, which the profile does not know"),
        problems.toString());
  }

  private static RequestSubject subject(String organization) {
    return RequestSubject.forFrenchCompany(
        "Zoé", "Lœwenbrück", organization, SIRET, "zoe@example.fr");
  }

  private static X500NameBuilder base() {
    X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
    name.addRDN(BCStyle.C, new DERPrintableString("FR", true));
    add(name, BCStyle.O, "Œuvres");
    add(name, BCStyle.OU, "0002 " + SIRET);
    add(name, BCStyle.ORGANIZATION_IDENTIFIER, "NTRFR-" + SIRET);
    add(name, BCStyle.SURNAME, "Lœwenbrück");
    add(name, BCStyle.GIVENNAME, "Zoé");
    return name;
  }

  private static void add(X500NameBuilder name, ASN1ObjectIdentifier type, String value) {
    ASN1Encodable encoded = new DERUTF8String(value);
    name.addRDN(type, encoded);
  }

  // A request built around the factory, as a tampered or foreign request would be.
  private static PKCS10CertificationRequest signed(X500NameBuilder name, SoftwareDeviceKey key)
      throws Exception {
    PKCS10CertificationRequestBuilder builder =
        new PKCS10CertificationRequestBuilder(
            name.build(), SubjectPublicKeyInfo.getInstance(key.publicKey().getEncoded()));
    return builder.build(new DeviceContentSigner(key));
  }
}
