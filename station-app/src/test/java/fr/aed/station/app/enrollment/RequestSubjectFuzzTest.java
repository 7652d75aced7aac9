package fr.aed.station.app.enrollment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.aed.station.app.domain.Company;
import fr.aed.station.app.domain.Dossier;
import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.fuzz.FuzzInput;
import fr.aed.station.app.fuzz.FuzzStats;
import fr.aed.station.app.fuzz.ShortFuzzRun;
import fr.aed.station.crypto.SoftwareDeviceKey;
import fr.aed.station.crypto.csr.CertificateRequestFactory;
import fr.aed.station.crypto.csr.RequestSubject;
import fr.aed.station.crypto.profile.ProfileConformance;
import fr.aed.station.crypto.profile.RequestProfile;
import fr.aed.station.token.KeyType;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The request's subject built from hostile dossier fields (issue 14). A holder without a given name
 * is refused by {@link Holder} (IllegalArgumentException); any other dossier gives a preview, never
 * an exception, whose subject the window can show. When the lint finds no error, the request built
 * from it carries each value exactly as given, read back from its DER, one RDN per field given and
 * never more, the e-mail exactly in subjectAltName, and passes the profile's conformance check that
 * the enrollment applies after the key is made.
 *
 * <p>Input fields ({@link FuzzInput}): given names (comma-separated), surname, company name, SIRET,
 * e-mail, key type (0-3).
 */
class RequestSubjectFuzzTest {

  private static final RequestProfile PROFILE = RequestProfile.load(RequestProfile.PACK_ID_RGS2);
  private static SoftwareDeviceKey key;

  // The seeds once before the fuzzer's clock starts (see EnrollmentFileFuzzTest).
  @BeforeAll
  static void warmUp() throws Exception {
    for (byte[] seed : seeds()) {
      check(seed);
    }
  }

  // scripts/fuzz-long counts its inputs; Jazzer's default limit of 5 minutes would cut it short.
  @FuzzTest(maxDuration = "24h")
  void anyDossierGivesARefusalOrTheSubjectAsGiven(byte[] input) throws Exception {
    FuzzStats.timed(input, () -> check(input));
  }

  @Test
  void shortRun() throws Exception {
    ShortFuzzRun.run(
        seeds(),
        List.of(",", " ", "#", "+", "=", "\\", "\"", "@", ".", "\u00e9", "\u00fe\u00d8\u0000"),
        ShortFuzzRun.INPUTS,
        RequestSubjectFuzzTest::check);
  }

  static void check(byte[] bytes) throws Exception {
    FuzzInput input = new FuzzInput(bytes);
    List<String> givenNames = Arrays.asList(input.text().split(",", -1));
    String surname = input.text();
    String companyName = input.text();
    String siret = input.text();
    String email = input.text();
    KeyType keyType = KeyType.values()[input.integer(0, KeyType.values().length - 1)];

    Holder holder;
    try {
      holder = new Holder(surname, givenNames, LocalDate.of(1984, 3, 17), "Paris", email, "");
    } catch (IllegalArgumentException refused) {
      assertTrue(givenNames.stream().anyMatch(String::isBlank), refused::toString);
      return;
    }
    Company company =
        new Company(
            companyName,
            "SAS",
            siret.substring(0, Math.min(9, siret.length())),
            siret,
            "Président");
    Dossier dossier = new Dossier("D-1", "C-1", "Pack ID RGS**", 3, holder, company);

    RequestPreview preview = RequestPreview.of(dossier, keyType);
    List<String> shown = preview.subjectAttributes();
    if (!preview.errors().isEmpty()) {
      return;
    }
    RequestSubject subject = preview.subject();
    Map<ASN1ObjectIdentifier, String> given = new LinkedHashMap<>();
    given.put(BCStyle.C, "FR");
    given.put(BCStyle.O, companyName);
    given.put(BCStyle.OU, "0002 " + siret);
    given.put(BCStyle.ORGANIZATION_IDENTIFIER, "NTRFR-" + siret);
    given.put(BCStyle.SURNAME, surname);
    given.put(BCStyle.GIVENNAME, String.join(" ", givenNames));
    given.put(BCStyle.CN, String.join(" ", givenNames) + " " + surname);
    given.values().removeIf(String::isBlank);

    X500Name read = X500Name.getInstance(subject.toX500Name().getEncoded());
    RDN[] rdns = read.getRDNs();
    assertEquals(given.size(), rdns.length, () -> "RDNs " + Arrays.toString(rdns));
    assertEquals(rdns.length, shown.size());
    for (RDN rdn : rdns) {
      assertFalse(rdn.isMultiValued(), rdn::toString);
      String value = ((ASN1String) rdn.getFirst().getValue()).getString();
      assertEquals(
          given.remove(rdn.getFirst().getType()), value, () -> "RDN " + rdn.getFirst().getType());
    }

    PKCS10CertificationRequest request = new CertificateRequestFactory().build(subject, key());
    assertArrayEquals(read.getEncoded(), request.getSubject().getEncoded());
    assertEquals(List.of(email), emails(request));
    assertEquals(List.of(), new ProfileConformance(PROFILE).problems(request, key().publicKey()));
  }

  private static List<String> emails(PKCS10CertificationRequest request) {
    Extensions extensions =
        Extensions.getInstance(
            request
                .getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)[0]
                .getAttrValues()
                .getObjectAt(0));
    return Arrays.stream(
            GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName).getNames())
        .filter(name -> name.getTagNo() == GeneralName.rfc822Name)
        .map(name -> ((ASN1String) name.getName()).getString())
        .toList();
  }

  private static SoftwareDeviceKey key() throws GeneralSecurityException {
    if (key == null) {
      key = SoftwareDeviceKey.ec("secp256r1");
    }
    return key;
  }

  static List<byte[]> seeds() {
    return List.of(
        FuzzInput.encode(
            "Élodie,Marie",
            "Lefèvre-Dubois",
            "Atelier Numérique Démo",
            "91234567500017",
            "elodie@atelier-demo.example",
            0),
        FuzzInput.encode("Anna", "O'Neil", "#3003", "35600000000048", "a@b.fr", 2),
        FuzzInput.encode(
            "Jean", "Dupont", "SARL Dupont, Fils + Cie", "91234567500017", "j@d.fr", 3),
        FuzzInput.encode("", "X", "", "1", "", 1),
        FuzzInput.encode(
            "Zoé", "N\u00b0 1", "Atelier\u202efdp.exe", "91234567500017", "z@x.fr", 2));
  }
}
