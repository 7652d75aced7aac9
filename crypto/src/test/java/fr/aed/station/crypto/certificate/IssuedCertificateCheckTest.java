package fr.aed.station.crypto.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.crypto.SoftwareDeviceKey;
import fr.aed.station.crypto.csr.RequestSubject;
import fr.aed.station.crypto.profile.LintFinding;
import fr.aed.station.crypto.profile.RequestProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificates made by openssl from a request made by the station's code: a good one is accepted in
 * every file format, and each way a CA can get it wrong is found.
 */
class IssuedCertificateCheckTest {

  private static final String SIRET = "73282932000074";
  private static final RequestSubject SUBJECT =
      RequestSubject.forFrenchCompany(
          "Élodie", "Lefèvre-Dubois", "Atelier Numérique Démo", SIRET, "elodie@example.fr");
  private static final String RESTATED_SUBJECT =
      "/C=FR/O=%s/OU=0002 "
          + SIRET
          + "/organizationIdentifier=NTRFR-"
          + SIRET
          + "/SN=Lefèvre-Dubois/GN=Élodie/CN=Élodie Lefèvre-Dubois";

  @TempDir Path dir;

  // The day before the meeting, which is today.
  private Instant earliest = Instant.now().minus(Duration.ofDays(1));
  private OpensslCa ca;
  private SoftwareDeviceKey key;
  private Path request;

  @BeforeEach
  void holderRequestAndCa() throws Exception {
    ca = OpensslCa.root(dir, "AED Test Qualified CA");
    key = SoftwareDeviceKey.ec("secp256r1");
    request = OpensslCa.request(dir, "holder.csr", SUBJECT, key);
  }

  @Test
  void aGoodCertificateIsAcceptedWithTheFingerprintOpensslGives() throws Exception {
    Path issued = ca.issue(request, OpensslCa.QUALIFIED);

    CertificateVerdict verdict = check(CertificateFiles.read(issued));

    assertEquals(List.of(), verdict.findings());
    assertEquals(List.of(), verdict.subjectDifferences());
    assertTrue(verdict.accepted());
    assertEquals(List.of(verdict.certificate().orElseThrow(), ca.certificate()), verdict.chain());
    String openssl =
        new String(
            ca.openssl("x509", "-in", issued.toString(), "-noout", "-fingerprint", "-sha256"),
            StandardCharsets.US_ASCII);
    assertEquals(
        openssl.strip().replaceFirst(".*=", "").replace(":", "").toLowerCase(Locale.ROOT),
        verdict.sha256());
  }

  @Test
  void aGoodCertificateInDerIsAccepted() throws Exception {
    Path issued = ca.issue(request, OpensslCa.QUALIFIED);
    Path der = dir.resolve("holder.cer");
    ca.openssl("x509", "-in", issued.toString(), "-outform", "DER", "-out", der.toString());

    assertTrue(check(CertificateFiles.read(der)).accepted());
  }

  @Test
  void aPkcs7InPemOrDerChainsThroughTheIntermediateItCarries() throws Exception {
    OpensslCa issuing = ca.intermediate("AED Test Issuing CA");
    Path issued = issuing.issue(request, OpensslCa.QUALIFIED);
    for (String form : List.of("PEM", "DER")) {
      Path bundle = dir.resolve("chain." + form);
      ca.openssl(
          "crl2pkcs7",
          "-nocrl",
          "-certfile",
          issued.toString(),
          "-certfile",
          issuing.certificateFile().toString(),
          "-certfile",
          ca.certificateFile().toString(),
          "-outform",
          form,
          "-out",
          bundle.toString());

      CertificateVerdict verdict = check(CertificateFiles.read(bundle));

      assertTrue(verdict.accepted(), form + ": " + verdict.findings());
      assertEquals(
          List.of(verdict.certificate().orElseThrow(), issuing.certificate(), ca.certificate()),
          verdict.chain());
    }
  }

  @Test
  void aCertificateForAnotherKeyIsRefused() throws Exception {
    Path other = OpensslCa.request(dir, "other.csr", SUBJECT, SoftwareDeviceKey.ec("secp256r1"));

    CertificateVerdict verdict = check(CertificateFiles.read(ca.issue(other, OpensslCa.QUALIFIED)));

    assertEquals(List.of("NO_CERTIFICATE_FOR_KEY"), codes(verdict));
    assertTrue(verdict.certificate().isPresent(), "the only end-entity certificate is shown");
    assertFalse(verdict.accepted());
  }

  @Test
  void aPkcs7WithoutTheHoldersCertificateIsRefused() throws Exception {
    Path bundle = dir.resolve("ca-only.p7b");
    ca.openssl(
        "crl2pkcs7",
        "-nocrl",
        "-certfile",
        ca.certificateFile().toString(),
        "-outform",
        "DER",
        "-out",
        bundle.toString());

    CertificateVerdict verdict = check(CertificateFiles.read(bundle));

    assertEquals(List.of("NO_CERTIFICATE_FOR_KEY"), codes(verdict));
    assertTrue(verdict.certificate().isEmpty());
    assertEquals("", verdict.sha256());
    assertFalse(verdict.accepted());
  }

  @Test
  void aCertificateFromAnotherCaIsRefusedNamingItsIssuer() throws Exception {
    OpensslCa other = OpensslCa.root(dir, "Other CA");

    CertificateVerdict verdict =
        check(CertificateFiles.read(other.issue(request, OpensslCa.QUALIFIED)));

    assertEquals(List.of("NOT_ISSUED_BY_CA"), codes(verdict));
    assertTrue(verdict.findings().get(0).arguments().get(0).contains("CN=Other CA"));
    assertEquals(List.of(), verdict.chain());
  }

  // openssl 3.0 has no -not_before/-not_after for x509 -req (3.4+): `openssl ca` sets the dates.
  @Test
  void anExpiredCertificateIsRefusedAsExpiredOnly() throws Exception {
    earliest = Instant.parse("2019-12-31T00:00:00Z");
    Path issued =
        ca.issueWithCaCommand(
            request,
            OpensslCa.QUALIFIED,
            "utf8only",
            "-startdate",
            "20200101000000Z",
            "-enddate",
            "20201231000000Z");

    CertificateVerdict verdict = check(CertificateFiles.read(issued));

    assertEquals(List.of("EXPIRED"), codes(verdict));
    assertEquals(List.of("2020-12-31T00:00:00Z"), verdict.findings().get(0).arguments());
  }

  @Test
  void aCertificateNotYetValidIsRefused() throws Exception {
    Path issued =
        ca.issueWithCaCommand(
            request,
            OpensslCa.QUALIFIED,
            "utf8only",
            "-startdate",
            "20300101000000Z",
            "-enddate",
            "20301231000000Z");

    assertEquals(List.of("NOT_YET_VALID"), codes(check(CertificateFiles.read(issued))));
  }

  @Test
  void twoYearsForAOneYearProductIsAValidityMismatch() throws Exception {
    List<X509Certificate> issued =
        CertificateFiles.read(ca.issue(request, OpensslCa.QUALIFIED, "-days", "730"));

    CertificateVerdict verdict = check(issued);

    assertEquals(List.of("VALIDITY_MISMATCH"), codes(verdict));
    assertEquals(List.of("1", "730"), verdict.findings().get(0).arguments());
    assertTrue(check(issued, 2).accepted(), "730 days is a two-year product");
  }

  @Test
  void aDayOfRoundingEitherWayIsAccepted() throws Exception {
    for (String days : List.of("364", "366")) {
      Path issued = ca.issue(request, OpensslCa.QUALIFIED, "-days", days);
      assertEquals(List.of(), codes(check(CertificateFiles.read(issued))), days);
    }
  }

  @Test
  void aKeyUsageWithoutNonRepudiationIsRefused() throws Exception {
    String extensions =
        OpensslCa.QUALIFIED.replace("critical,nonRepudiation", "critical,digitalSignature");

    CertificateVerdict verdict = check(CertificateFiles.read(ca.issue(request, extensions)));

    assertEquals(List.of("KEY_USAGE_MISSING", "KEY_USAGE_EXTRA"), codes(verdict));
    assertEquals(List.of("nonRepudiation"), verdict.findings().get(0).arguments());
  }

  @Test
  void aCertificateWithoutExtensionsLacksWhatTheProductCarries() throws Exception {
    Path issued = ca.issue(request, "subjectKeyIdentifier=none\nauthorityKeyIdentifier=none\n");

    CertificateVerdict verdict = check(CertificateFiles.read(issued));

    assertEquals(
        List.of(
            "KEY_USAGE_MISSING",
            "QC_STATEMENT_MISSING",
            "QC_STATEMENT_MISSING",
            "QC_STATEMENT_MISSING",
            "SUBJECT_ALT_NAME_CHANGED"),
        codes(verdict));
  }

  @Test
  void aKeyUsageNotCriticalIsAWarning() throws Exception {
    String extensions = OpensslCa.QUALIFIED.replace("critical,nonRepudiation", "nonRepudiation");

    CertificateVerdict verdict = check(CertificateFiles.read(ca.issue(request, extensions)));

    assertEquals(List.of("KEY_USAGE_NOT_CRITICAL"), codes(verdict));
    assertEquals(LintFinding.Severity.WARNING, verdict.findings().get(0).severity());
    assertTrue(verdict.accepted());
  }

  @Test
  void aCaCertificateForTheHolderIsRefused() throws Exception {
    String extensions = OpensslCa.QUALIFIED.replace("CA:false", "CA:true");

    CertificateVerdict verdict = check(CertificateFiles.read(ca.issue(request, extensions)));

    assertEquals(List.of("CA_CERTIFICATE"), codes(verdict));
  }

  @Test
  void aMissingQcSscdIsRefusedByName() throws Exception {
    String extensions = OpensslCa.QUALIFIED.replace("sscd=SEQUENCE:sscd\n", "");

    CertificateVerdict verdict = check(CertificateFiles.read(ca.issue(request, extensions)));

    assertEquals(List.of("QC_STATEMENT_MISSING"), codes(verdict));
    assertEquals(List.of("QcSSCD", "0.4.0.1862.1.4"), verdict.findings().get(0).arguments());
  }

  @Test
  void aQcTypeOfElectronicSealIsNotElectronicSignature() throws Exception {
    String extensions = OpensslCa.QUALIFIED.replace("OID:0.4.0.1862.1.6.1", "OID:0.4.0.1862.1.6.2");

    CertificateVerdict verdict = check(CertificateFiles.read(ca.issue(request, extensions)));

    assertEquals(List.of("QC_STATEMENT_MISSING"), codes(verdict));
    assertEquals("QcType-esign", verdict.findings().get(0).arguments().get(0));
  }

  @Test
  void aQcStatementsExtensionNestedTooDeepIsFoundMissingNotAStackOverflow() throws Exception {
    String bomb = java.util.HexFormat.of().formatHex(OpensslCa.nestedSequences(5_000));
    String extensions =
        "subjectAltName=email:elodie@example.fr\n"
            + "keyUsage=critical,nonRepudiation\nbasicConstraints=critical,CA:false\n"
            + "1.3.6.1.5.5.7.1.3=DER:"
            + bomb
            + "\n";

    CertificateVerdict verdict = check(CertificateFiles.read(ca.issue(request, extensions)));

    assertEquals(
        List.of("QC_STATEMENT_MISSING", "QC_STATEMENT_MISSING", "QC_STATEMENT_MISSING"),
        codes(verdict));
  }

  @Test
  void aPoliciesExtensionNestedTooDeepIsFoundMissingNotAStackOverflow() throws Exception {
    String bomb = java.util.HexFormat.of().formatHex(OpensslCa.nestedSequences(5_000));
    String extensions = "2.5.29.32=DER:" + bomb + "\n" + OpensslCa.QUALIFIED;
    CertificateProfile profile =
        new CertificateProfile(
            List.of("nonRepudiation"), List.of(), List.of("1.2.250.1.999.1.2"), List.of());

    CertificateVerdict verdict =
        check(CertificateFiles.read(ca.issue(request, extensions)), expectations(1, profile));

    assertEquals(List.of("POLICY_MISSING"), codes(verdict));
  }

  @Test
  void aPolicyTheProfileListsMustBeThere() throws Exception {
    String policy = "1.2.250.1.999.1.2";
    CertificateProfile profile =
        new CertificateProfile(List.of("nonRepudiation"), List.of(), List.of(policy), List.of());
    List<X509Certificate> without = CertificateFiles.read(ca.issue(request, OpensslCa.QUALIFIED));
    List<X509Certificate> with =
        CertificateFiles.read(
            ca.issue(request, "certificatePolicies=" + policy + "\n" + OpensslCa.QUALIFIED));

    CertificateVerdict refused = check(without, expectations(1, profile));

    assertEquals(List.of("POLICY_MISSING"), codes(refused));
    assertEquals(List.of(policy), refused.findings().get(0).arguments());
    assertTrue(check(with, expectations(1, profile)).accepted());
  }

  @Test
  void aCompanyNameTheCaChangedIsRefused() throws Exception {
    Path issued =
        ca.issueWithCaCommand(
            request,
            OpensslCa.QUALIFIED,
            "utf8only",
            "-subj",
            RESTATED_SUBJECT.formatted("Atelier Numérique"));

    CertificateVerdict verdict = check(CertificateFiles.read(issued));

    assertEquals(List.of("SUBJECT_CHANGED"), codes(verdict));
    assertEquals(
        List.of("O", "Atelier Numérique Démo", "Atelier Numérique"),
        verdict.findings().get(0).arguments());
    assertEquals(
        List.of(
            new SubjectDifference(
                "O",
                "Atelier Numérique Démo",
                "Atelier Numérique",
                SubjectDifference.Kind.CHANGED)),
        verdict.subjectDifferences());
  }

  @Test
  void aGivenNameTheCaLeftOutIsRefused() throws Exception {
    String subject = RESTATED_SUBJECT.formatted("Atelier Numérique Démo").replace("/GN=Élodie", "");
    Path issued = ca.issueWithCaCommand(request, OpensslCa.QUALIFIED, "utf8only", "-subj", subject);

    CertificateVerdict verdict = check(CertificateFiles.read(issued));

    assertEquals(List.of("SUBJECT_CHANGED"), codes(verdict));
    assertEquals(SubjectDifference.Kind.REMOVED, verdict.subjectDifferences().get(0).kind());
    assertEquals("givenName", verdict.subjectDifferences().get(0).attribute());
  }

  @Test
  void anOrganizationalUnitTheCaAddedIsAWarning() throws Exception {
    RequestSubject withoutUnit =
        new RequestSubject(
            "FR",
            SUBJECT.givenName(),
            SUBJECT.surname(),
            SUBJECT.commonName(),
            SUBJECT.organization(),
            SUBJECT.organizationIdentifier(),
            null,
            SUBJECT.email());
    Path bare = OpensslCa.request(dir, "bare.csr", withoutUnit, key);
    Path issued =
        ca.issueWithCaCommand(
            bare,
            OpensslCa.QUALIFIED,
            "utf8only",
            "-subj",
            RESTATED_SUBJECT.formatted("Atelier Numérique Démo"));

    CertificateVerdict verdict = check(CertificateFiles.read(issued), withoutUnit, 1);

    assertEquals(List.of("SUBJECT_ATTRIBUTE_ADDED"), codes(verdict));
    assertEquals(
        List.of(
            new SubjectDifference("OU", "", "0002 " + SIRET, SubjectDifference.Kind.ADDED_BY_CA)),
        verdict.subjectDifferences());
    assertTrue(verdict.accepted());
  }

  @Test
  void theSameNamesInOtherStringTypesAreWarnings() throws Exception {
    // string_mask=pkix makes openssl write PrintableString where it can, else BMPString.
    Path issued =
        ca.issueWithCaCommand(
            request,
            OpensslCa.QUALIFIED,
            "pkix",
            "-subj",
            RESTATED_SUBJECT.formatted("Atelier Numérique Démo"));

    CertificateVerdict verdict = check(CertificateFiles.read(issued));

    assertTrue(verdict.accepted(), verdict.findings().toString());
    assertTrue(codes(verdict).stream().allMatch("SUBJECT_ENCODING_CHANGED"::equals));
    assertTrue(
        verdict
            .subjectDifferences()
            .contains(
                new SubjectDifference(
                    "givenName",
                    "Élodie (UTF8String)",
                    "Élodie (BMPString)",
                    SubjectDifference.Kind.ENCODING)));
    assertTrue(
        verdict.subjectDifferences().stream().noneMatch(d -> d.attribute().equals("C")),
        "C is a PrintableString in both");
  }

  @Test
  void aCertificateSignedWithSha1IsRefused() throws Exception {
    Path issued = ca.issue(request, OpensslCa.QUALIFIED, "-sha1");

    CertificateVerdict verdict = check(CertificateFiles.read(issued));

    assertEquals(List.of("WEAK_SIGNATURE"), codes(verdict));
  }

  @Test
  void theProductProfileAsksForNonRepudiationAndTheThreeQcStatements() {
    CertificateProfile profile =
        CertificateProfile.of(RequestProfile.load(RequestProfile.PACK_ID_RGS2));

    assertEquals(List.of("nonRepudiation"), profile.keyUsages());
    assertEquals(
        List.of("0.4.0.1862.1.1", "0.4.0.1862.1.4", "0.4.0.1862.1.6.1"), profile.qcStatements());
    assertEquals(List.of(), profile.policies());
    assertEquals(
        List.of(
            "1.3.6.1.5.5.7.3.2",
            "1.3.6.1.5.5.7.3.4",
            "1.3.6.1.4.1.311.10.3.12",
            "1.3.6.1.5.5.7.3.36"),
        profile.extendedKeyUsagesAllowed());
  }

  @Test
  void aCertificateSignedByAConfiguredEndEntityIsNotIssuedByTheCa() throws Exception {
    OpensslCa server =
        ca.subordinate(
            "AED Test CMP Server",
            "basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature\n",
            "20190601000000Z",
            "20380101000000Z");
    List<X509Certificate> issued =
        CertificateFiles.read(server.issue(request, OpensslCa.QUALIFIED));

    CertificateVerdict verdict = checkAgainst(issued, List.of(server.certificate()));

    assertEquals(List.of("NOT_ISSUED_BY_CA"), codes(verdict));
    assertEquals(List.of(), verdict.chain());
  }

  @Test
  void aCertificateOutsideTheRootsNameConstraintsIsRefused() throws Exception {
    OpensslCa constrained =
        OpensslCa.root(
            dir,
            "AED Test Constrained CA",
            OpensslCa.CA_EXTENSIONS
                + "nameConstraints=critical,permitted;dirName:inside\n"
                + "[inside]\nC=FR\nO=AED Test\n");
    List<X509Certificate> issued =
        CertificateFiles.read(constrained.issue(request, OpensslCa.QUALIFIED));

    CertificateVerdict verdict = checkAgainst(issued, List.of(constrained.certificate()));

    assertEquals(List.of("NOT_ISSUED_BY_CA"), codes(verdict));
    String reason = verdict.findings().get(0).arguments().get(1);
    assertTrue(reason.toLowerCase(Locale.ROOT).contains("name constraints"), reason);
  }

  @Test
  void anExpiredIntermediateIsNamedAsWhyThePathFails() throws Exception {
    OpensslCa old =
        ca.subordinate(
            "AED Test Old Issuing CA",
            OpensslCa.CA_EXTENSIONS,
            "20190601000000Z",
            "20200601000000Z");
    List<X509Certificate> received =
        List.of(
            CertificateFiles.read(old.issue(request, OpensslCa.QUALIFIED)).get(0),
            old.certificate());

    CertificateVerdict verdict = check(received);

    assertEquals(List.of("NOT_ISSUED_BY_CA"), codes(verdict));
    LintFinding finding = verdict.findings().get(0);
    String reason = finding.arguments().get(1);
    assertTrue(reason.contains("NotAfter"), reason);
    assertTrue(reason.contains("CN=AED Test Old Issuing CA"), reason);
    assertTrue(finding.message().contains(reason), finding.message());
  }

  @Test
  void anEmailChangedRemovedOrANameAddedInTheAltNameIsRefused() throws Exception {
    String requested = "email:" + OpensslCa.HOLDER_EMAIL;
    for (List<String> altName :
        List.of(
            List.of("email:elodie@example.com", "email:elodie@example.com"),
            List.of("", ""),
            List.of(requested + ",DNS:station.example.fr", "DNS:station.example.fr, " + requested),
            List.of(requested + ",email:boss@example.fr", "email:boss@example.fr, " + requested),
            List.of(
                requested + ",URI:https://example.fr", "URI:https://example.fr, " + requested))) {
      String extensions =
          OpensslCa.QUALIFIED.replace(
              "subjectAltName=" + requested + "\n",
              altName.get(0).isEmpty() ? "" : "subjectAltName=" + altName.get(0) + "\n");

      CertificateVerdict verdict = check(CertificateFiles.read(ca.issue(request, extensions)));

      assertEquals(List.of("SUBJECT_ALT_NAME_CHANGED"), codes(verdict), altName.get(0));
      assertEquals(List.of(requested, altName.get(1)), verdict.findings().get(0).arguments());
    }
  }

  @Test
  void anExtendedKeyUsageForServersCodeOrAnyUseIsRefused() throws Exception {
    for (String usage :
        List.of(
            "serverAuth", "codeSigning", "OCSPSigning", "timeStamping", "anyExtendedKeyUsage")) {
      String extensions = "extendedKeyUsage=clientAuth," + usage + "\n" + OpensslCa.QUALIFIED;

      CertificateVerdict verdict = check(CertificateFiles.read(ca.issue(request, extensions)));

      assertEquals(List.of("EXTENDED_KEY_USAGE_NOT_ALLOWED"), codes(verdict), usage);
      assertEquals(List.of(usage), verdict.findings().get(0).arguments());
    }
  }

  @Test
  void anExtendedKeyUsageForClientsMailAndDocumentsIsAccepted() throws Exception {
    String extensions =
        "extendedKeyUsage=clientAuth,emailProtection,1.3.6.1.4.1.311.10.3.12,1.3.6.1.5.5.7.3.36\n"
            + OpensslCa.QUALIFIED;

    CertificateVerdict verdict = check(CertificateFiles.read(ca.issue(request, extensions)));

    assertEquals(List.of(), codes(verdict));
  }

  @Test
  void certificateSigningIsRefusedWithOrWithoutBasicConstraints() throws Exception {
    for (String extensions :
        List.of(
            OpensslCa.QUALIFIED.replace(
                "critical,nonRepudiation", "critical,nonRepudiation,keyCertSign"),
            OpensslCa.QUALIFIED
                .replace("critical,nonRepudiation", "critical,nonRepudiation,cRLSign")
                .replace("basicConstraints=critical,CA:false\n", ""),
            OpensslCa.QUALIFIED
                .replace("critical,nonRepudiation", "critical,nonRepudiation,keyCertSign")
                .replace("basicConstraints=critical,CA:false\n", ""))) {
      CertificateVerdict verdict = check(CertificateFiles.read(ca.issue(request, extensions)));

      assertEquals(List.of("KEY_USAGE_NOT_ALLOWED"), codes(verdict), extensions);
      assertFalse(verdict.accepted());
    }
  }

  @Test
  void keyUsagesTheProductDoesNotOrderAreWarnings() throws Exception {
    String extensions =
        OpensslCa.QUALIFIED.replace(
            "critical,nonRepudiation", "critical,digitalSignature,nonRepudiation,keyAgreement");

    CertificateVerdict verdict = check(CertificateFiles.read(ca.issue(request, extensions)));

    assertEquals(List.of("KEY_USAGE_EXTRA", "KEY_USAGE_EXTRA"), codes(verdict));
    assertEquals(List.of("digitalSignature"), verdict.findings().get(0).arguments());
    assertEquals(List.of("keyAgreement"), verdict.findings().get(1).arguments());
    assertTrue(verdict.accepted());
  }

  @Test
  void aCertificateValidFromBeforeTheMeetingIsRefused() throws Exception {
    Instant start = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
    Path issued =
        ca.issueWithCaCommand(
            request,
            OpensslCa.QUALIFIED,
            "utf8only",
            "-startdate",
            opensslDate(start),
            "-enddate",
            opensslDate(start.plus(Duration.ofDays(365))));

    CertificateVerdict verdict = check(CertificateFiles.read(issued));

    assertEquals(List.of("VALIDITY_BEFORE_MEETING"), codes(verdict));
    assertEquals(
        List.of(start.toString(), earliest.toString()), verdict.findings().get(0).arguments());
  }

  @Test
  void aPseudonymBesideTheHoldersNamesIsRefused() throws Exception {
    String subject = RESTATED_SUBJECT.formatted("Atelier Numérique Démo") + "/pseudonym=Lulu";
    Path issued = ca.issueWithCaCommand(request, OpensslCa.QUALIFIED, "utf8only", "-subj", subject);

    CertificateVerdict verdict = check(CertificateFiles.read(issued));

    assertEquals(List.of("SUBJECT_ATTRIBUTE_ADDED", "SUBJECT_PSEUDONYM"), codes(verdict));
    assertEquals(List.of("Lulu"), verdict.findings().get(1).arguments());
    assertFalse(verdict.accepted());
  }

  @Test
  void theSameNamesInAnotherOrderOrMergedInOneRdnAreAWarning() throws Exception {
    String restated = RESTATED_SUBJECT.formatted("Atelier Numérique Démo");
    String swapped =
        restated.replace("/SN=Lefèvre-Dubois/GN=Élodie", "/GN=Élodie/SN=Lefèvre-Dubois");
    String merged =
        restated.replace("/SN=Lefèvre-Dubois/GN=Élodie", "/SN=Lefèvre-Dubois+GN=Élodie");
    for (String subject : List.of(swapped, merged)) {
      Path issued =
          ca.issueWithCaCommand(
              request, OpensslCa.QUALIFIED, "utf8only", "-multivalue-rdn", "-subj", subject);

      CertificateVerdict verdict = check(CertificateFiles.read(issued));

      assertEquals(List.of("SUBJECT_STRUCTURE_CHANGED"), codes(verdict), subject);
      assertEquals(LintFinding.Severity.WARNING, verdict.findings().get(0).severity());
      assertTrue(verdict.accepted());
    }
  }

  @Test
  void twoCertificatesForTheRecordedKeyAreAmbiguousAndRefused() throws Exception {
    List<X509Certificate> received =
        List.of(
            CertificateFiles.read(ca.issue(request, OpensslCa.QUALIFIED)).get(0),
            CertificateFiles.read(ca.issue(request, OpensslCa.QUALIFIED, "-days", "730")).get(0));

    CertificateVerdict verdict = check(received);

    assertEquals(List.of("SEVERAL_CERTIFICATES_FOR_KEY"), codes(verdict));
    assertEquals(List.of("2"), verdict.findings().get(0).arguments());
    assertTrue(verdict.certificate().isEmpty());
    assertFalse(verdict.accepted());
  }

  private static String opensslDate(Instant instant) {
    return DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
        .withZone(ZoneOffset.UTC)
        .format(instant);
  }

  private CertificateVerdict check(List<X509Certificate> received) throws Exception {
    return check(received, 1);
  }

  private CertificateVerdict check(List<X509Certificate> received, int years) throws Exception {
    return check(received, SUBJECT, years);
  }

  private CertificateVerdict check(
      List<X509Certificate> received, RequestSubject subject, int years) throws Exception {
    CertificateExpectations expected =
        new CertificateExpectations(
            key.publicKey(),
            subject.toX500Name(),
            List.of(ca.certificate()),
            years,
            CertificateProfile.of(RequestProfile.load(RequestProfile.PACK_ID_RGS2)),
            List.of("email:" + subject.email()),
            earliest);
    return IssuedCertificateCheck.check(received, expected, Instant.now());
  }

  private CertificateVerdict checkAgainst(
      List<X509Certificate> received, List<X509Certificate> caCertificates) throws Exception {
    CertificateExpectations expected =
        new CertificateExpectations(
            key.publicKey(),
            SUBJECT.toX500Name(),
            caCertificates,
            1,
            CertificateProfile.of(RequestProfile.load(RequestProfile.PACK_ID_RGS2)),
            List.of("email:" + OpensslCa.HOLDER_EMAIL),
            earliest);
    return IssuedCertificateCheck.check(received, expected, Instant.now());
  }

  private CertificateVerdict check(List<X509Certificate> received, CertificateExpectations e) {
    return IssuedCertificateCheck.check(received, e, Instant.now());
  }

  private CertificateExpectations expectations(int years, CertificateProfile profile)
      throws Exception {
    return new CertificateExpectations(
        key.publicKey(),
        SUBJECT.toX500Name(),
        List.of(ca.certificate()),
        years,
        profile,
        List.of("email:" + OpensslCa.HOLDER_EMAIL),
        earliest);
  }

  private static List<String> codes(CertificateVerdict verdict) {
    return verdict.findings().stream().map(LintFinding::code).toList();
  }
}
