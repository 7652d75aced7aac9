package fr.aed.station.crypto.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.crypto.SoftwareDeviceKey;
import fr.aed.station.crypto.csr.CertificateRequestFactory;
import fr.aed.station.crypto.csr.RequestSubject;
import java.text.Normalizer;
import java.util.List;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

class RequestLintTest {

  private static final String SIRET = "91234567500017";
  private final RequestProfile profile = RequestProfile.load(RequestProfile.PACK_ID_RGS2);
  private final RequestLint lint = new RequestLint(profile);

  private static RequestSubject good() {
    return RequestSubject.forFrenchCompany(
        "Élodie", "Lefèvre-Dubois", "Atelier Numérique Démo", SIRET, "e@example.fr");
  }

  private static List<String> codes(List<LintFinding> findings) {
    return findings.stream().map(LintFinding::code).toList();
  }

  @Test
  void bundledProfileIsRead() {
    assertEquals("Pack ID RGS**", profile.product());
    assertEquals("NTRFR-" + SIRET, profile.organizationIdentifierFor(SIRET));
    assertEquals(2048, profile.minimumRsaBits());
    assertThrows(IllegalArgumentException.class, () -> RequestProfile.load("no-such-product"));
  }

  @Test
  void goodSubjectPasses() {
    assertEquals(
        List.of(),
        lint.beforeGeneration(good(), SIRET, KeySpecification.rsa(3072), "SHA256withRSA"));
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    RequestSubject bad =
        new RequestSubject(
            "DE",
            Normalizer.normalize("Élodie", Normalizer.Form.NFD),
            "Lefèvre  Dubois",
            "Élodie Lefèvre",
            "",
            "NTRFR 91234567500017",
            "0002 91234567500025",
            "not-an-address");

    List<String> codes =
        codes(
            lint.beforeGeneration(
                bad, "91234567500018", KeySpecification.rsa(1024), "SHA1withRSA"));

    assertEquals(
        List.of(
            "MISSING_ATTRIBUTE",
            "COUNTRY",
            "INVALID_SIRET",
            "ORGANIZATION_IDENTIFIER_SYNTAX",
            "ORGANIZATIONAL_UNIT",
            "NOT_NORMALISED",
            "SPACES",
            "EMAIL_SYNTAX",
            "RSA_TOO_SHORT",
            "SIGNATURE_ALGORITHM"),
        codes);
  }

  @Test
  void organizationIdentifierWithStateOrForeignSchemeIsRefused() {
    RequestSubject withState =
        new RequestSubject(
            "FR", "A", "B", "A B", "O", "NTRFR+75-" + SIRET, "0002 " + SIRET, "a@b.fr");
    assertTrue(
        codes(
                lint.beforeGeneration(
                    withState, SIRET, KeySpecification.ec("P-256", 256), "SHA256withECDSA"))
            .contains("ORGANIZATION_IDENTIFIER_SYNTAX"));
  }

  @Test
  void unlistedCurveIsRefused() {
    assertEquals(
        List.of("CURVE"),
        codes(
            lint.beforeGeneration(
                good(), SIRET, KeySpecification.ec("P-521", 521), "SHA256withECDSA")));
  }

  @Test
  void longCommonNameIsAWarningNotAnError() {
    String surname = "De La Tour D'Auvergne-Montmorency-Laval-Rohan-Chabot-Polignac";
    RequestSubject subject =
        RequestSubject.forFrenchCompany("Marie", surname, "O", SIRET, "a@b.fr");

    List<LintFinding> findings =
        lint.beforeGeneration(subject, SIRET, KeySpecification.rsa(2048), "SHA256withRSA");
    assertEquals(List.of("LONG_COMMON_NAME"), codes(findings));
    assertTrue(findings.stream().noneMatch(LintFinding::isError));
  }

  @Test
  void builtRequestConformsToTheProfile() throws Exception {
    SoftwareDeviceKey key = SoftwareDeviceKey.ec("secp256r1");
    PKCS10CertificationRequest request = new CertificateRequestFactory().build(good(), key);

    assertEquals(List.of(), new ProfileConformance(profile).problems(request, key.publicKey()));
  }

  @Test
  void requestWithEmailInTheDnAndWrongEncodingsIsFound() throws Exception {
    SoftwareDeviceKey key = SoftwareDeviceKey.rsa(2048);
    X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
    name.addRDN(BCStyle.C, new org.bouncycastle.asn1.DERUTF8String("FR"));
    name.addRDN(BCStyle.CN, new org.bouncycastle.asn1.DERPrintableString("Elodie"));
    name.addRDN(BCStyle.EmailAddress, "e@example.fr");
    PKCS10CertificationRequest request =
        new JcaPKCS10CertificationRequestBuilder(name.build(), key.publicKey())
            .build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPrivate(key)));

    List<String> problems = new ProfileConformance(profile).problems(request, key.publicKey());
    assertTrue(problems.contains("C is not a PrintableString"), problems.toString());
    assertTrue(problems.contains("CN is not a UTF8String"), problems.toString());
    assertTrue(problems.contains("the e-mail is in the DN; it belongs in subjectAltName"));
    assertTrue(problems.contains("no rfc822Name in subjectAltName"));
    assertTrue(problems.contains("subject attribute givenName is missing from the request"));
  }

  private static java.security.PrivateKey keyPrivate(SoftwareDeviceKey key) {
    return key.privateKeyForTests();
  }

  // Seen in hostile dossiers: each went into a qualified certificate request unremarked.
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "Atelier \u202Efdp.exe",
        "Atelier\u200BNumérique",
        "Atelier \uD83D\uDE00 Numérique",
        "Atelier \uD800 Numérique",
        "Atelier\u00A0Numérique",
        "Atelier \u2028 Numérique",
        "Atelier \uE000",
        "Atelier = Numérique"
      })
  void invisibleDirectionalAndSymbolCharactersAreRefusedInNames(String organization) {
    RequestSubject subject =
        RequestSubject.forFrenchCompany("Élodie", "Lefèvre-Dubois", organization, SIRET, "e@x.fr");
    List<LintFinding> findings =
        lint.beforeGeneration(subject, SIRET, KeySpecification.rsa(3072), "SHA256withRSA");
    assertEquals(List.of("CHARACTER_NOT_ALLOWED"), codes(findings), findings.toString());
    assertTrue(findings.get(0).message().startsWith("O contains U+"), findings.toString());
  }

  // Seen in a hostile trial: names that read as another, signed as given.
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "'Ａｔｅｌｉｅｒ Démo', COMPATIBILITY_CHARACTER",
    "'\u0410telier Démo', MIXED_SCRIPTS",
    "'Atelier \u0301', LONE_MARK"
  })
  void namesThatReadAsAnotherAreRefused(String organization, String code) {
    RequestSubject subject =
        RequestSubject.forFrenchCompany("Élodie", "Lefèvre-Dubois", organization, SIRET, "e@x.fr");
    List<String> codes =
        codes(lint.beforeGeneration(subject, SIRET, KeySpecification.rsa(3072), "SHA256withRSA"));
    assertTrue(codes.contains(code), organization + " " + codes);
  }

  @Test
  void aZeroWidthSpaceInsideTheSurnameIsRefused() {
    RequestSubject subject =
        RequestSubject.forFrenchCompany(
            "Élodie", "Lefè\u200Bvre", "Atelier Numérique Démo", SIRET, "e@example.fr");
    assertTrue(
        codes(lint.beforeGeneration(subject, SIRET, KeySpecification.rsa(3072), "SHA256withRSA"))
            .contains("CHARACTER_NOT_ALLOWED"));
  }

  @Test
  void realCompanyNamesPass() {
    for (String organization :
        List.of(
            "Dupont & Fils",
            "L'Atelier n°3",
            "L’Échoppe (Besançon) + Cie",
            "Société d'Études Économiques, S.A.S.",
            "Łódź Ōsaka Ærø")) {
      RequestSubject subject =
          RequestSubject.forFrenchCompany(
              "Élodie", "Lefèvre-Dubois", organization, SIRET, "e@x.fr");
      assertEquals(
          List.of(),
          lint.beforeGeneration(subject, SIRET, KeySpecification.rsa(3072), "SHA256withRSA"),
          organization);
    }
  }

  @Test
  void anOrganizationOver64CharactersIsRefused() {
    RequestSubject subject =
        RequestSubject.forFrenchCompany(
            "Élodie", "Lefèvre-Dubois", "A".repeat(65), SIRET, "e@x.fr");
    assertEquals(
        List.of("TOO_LONG"),
        codes(lint.beforeGeneration(subject, SIRET, KeySpecification.rsa(3072), "SHA256withRSA")));
    RequestSubject bound =
        RequestSubject.forFrenchCompany(
            "Élodie", "Lefèvre-Dubois", "A".repeat(64), SIRET, "e@x.fr");
    assertEquals(
        List.of(),
        lint.beforeGeneration(bound, SIRET, KeySpecification.rsa(3072), "SHA256withRSA"));
  }

  // Found by RequestSubjectFuzzTest: the request's rfc822Name kept the low byte of each character,
  // so a dossier's "ceo@ex\u0161mple.com" was requested as ceo@example.com.
  @Test
  void anEmailThatIsNotPrintableAsciiIsRefused() {
    for (String email : List.of("ceo@ex\u0161mple.com", "\u00e9lodie@example.fr", "a@b.f\u0000r")) {
      RequestSubject subject =
          RequestSubject.forFrenchCompany("Élodie", "Lefèvre", "Atelier", SIRET, email);
      assertEquals(
          List.of("EMAIL_SYNTAX"),
          codes(lint.beforeGeneration(subject, SIRET, KeySpecification.rsa(3072), "SHA256withRSA")),
          email);
      assertFalse(RequestLint.isEmailAddress(email), email);
    }
    assertTrue(RequestLint.isEmailAddress("o'neil+rgs@sub.example.fr"));
  }
}
