package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.audit.AuditJson;
import fr.aed.station.app.audit.RequirementMap;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.export.CaExport;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.TestOfficerKey;
import fr.aed.station.crypto.Fingerprints;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export} of a meeting the demo really closed, checked with Bouncy Castle and openssl. */
class ExportCommandTest {

  @TempDir static Path dir;
  private static JsonNode demo;

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = StationCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @BeforeAll
  static void closeOneMeeting() throws Exception {
    String[] result =
        run(
            "demo",
            "--data-dir",
            dir.toString(),
            "--out",
            dir.resolve("meeting").toString(),
            "--json",
            "--algorithm",
            "p256");
    assertEquals("0", result[0], result[2]);
    demo = EnrollmentFile.mapper().readTree(result[1]);
  }

  private static String[] export(String intervention, Path out) {
    return run(
        "export",
        intervention,
        "--out",
        out.toString(),
        "--officer",
        "demo",
        "--json",
        "--data-dir",
        dir.toString());
  }

  @Test
  void thePackageHoldsWhatItsSignedManifestLists() throws Exception {
    String id = demo.get("interventionId").asText();
    String[] result = export(id, dir.resolve("export"));
    assertEquals("0", result[0], result[2]);
    JsonNode printed = EnrollmentFile.mapper().readTree(result[1]);
    Path zip = Path.of(printed.get("package").asText());
    assertEquals(
        Fingerprints.sha256Hex(Files.readAllBytes(zip)), printed.get("packageSha256").asText());

    Map<String, byte[]> files = unzip(zip);
    byte[] manifestBytes = files.get("manifest.json");
    JsonNode manifest = EnrollmentFile.mapper().readTree(manifestBytes);
    assertEquals(id, manifest.get("interventionId").asText());
    assertEquals(demo.get("dossierId").asText(), manifest.get("dossierId").asText());
    assertEquals(printed.get("journalHead"), manifest.get("journalHead"));
    // The sheet, the request, the card's attestation of the key (the simulated card attests), the
    // audit of the proofing, the certificate the holder accepted and the officer's checkpoint of
    // the journal, for the authority to keep.
    assertEquals(6, manifest.get("files").size());
    assertEquals(
        demo.get("certificateSha256").asText(),
        Fingerprints.sha256Hex(
            java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new java.io.ByteArrayInputStream(files.get(id + "-certificate.pem")))
                .getEncoded()));
    JsonNode audit = EnrollmentFile.mapper().readTree(files.get(CaExport.PROOFING_AUDIT));
    assertEquals(AuditJson.FORMAT, audit.get("format").asText());
    assertEquals(id, audit.get("interventionId").asText());
    assertTrue(audit.get("certified").asBoolean());
    assertEquals(RequirementMap.builtIn().size(), audit.get("findings").size());
    assertTrue(
        audit.get("findings").get(0).get("evidence").asText().startsWith("Rendez-vous en face à"),
        audit.toString());
    assertTrue(files.containsKey(id + "-key-attestation.pem"), files.keySet().toString());
    assertTrue(
        new String(files.get("journal-checkpoint.txt"), java.nio.charset.StandardCharsets.US_ASCII)
            .startsWith("station-journal-checkpoint-v1\nsequence: "));
    for (JsonNode listed : manifest.get("files")) {
      byte[] content = files.get(listed.get("name").asText());
      assertEquals(Fingerprints.sha256Hex(content), listed.get("sha256").asText());
      assertEquals(content.length, listed.get("size").asLong());
    }
    assertArrayEquals(
        Files.readAllBytes(Path.of(demo.get("sheetPath").asText())), files.get(id + "-sheet.pdf"));
    assertArrayEquals(
        Files.readAllBytes(Path.of(demo.get("csrPath").asText())), files.get(id + "-request.pem"));

    verifyWithBouncyCastle(manifestBytes, files.get("manifest.json.p7s"));
    verifyWithOpenssl(manifestBytes, files.get("manifest.json.p7s"));
    assertJournaled(id, printed.get("packageSha256").asText());
  }

  private static void verifyWithBouncyCastle(byte[] manifest, byte[] p7s) throws Exception {
    CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(manifest), p7s);
    assertEquals(1, signed.getSignerInfos().size());
    SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
    @SuppressWarnings("unchecked")
    X509CertificateHolder certificate =
        (X509CertificateHolder)
            signed.getCertificates().getMatches(signer.getSID()).iterator().next();
    assertTrue(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate)));
    assertTrue(
        signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) != null);
  }

  private static void verifyWithOpenssl(byte[] manifest, byte[] p7s) throws Exception {
    Path folder = Files.createTempDirectory(dir, "openssl");
    Path content = Files.write(folder.resolve("manifest.json"), manifest);
    Path signature = Files.write(folder.resolve("manifest.json.p7s"), p7s);
    Process process;
    try {
      process =
          new ProcessBuilder(
                  "openssl",
                  "cms",
                  "-verify",
                  "-binary",
                  "-noverify",
                  "-inform",
                  "DER",
                  "-in",
                  signature.toString(),
                  "-content",
                  content.toString(),
                  "-out",
                  "/dev/null")
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw new AssertionError("openssl is needed: run ./scripts/install-test-packages", e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), output);
    assertTrue(output.contains("Verification successful"), output);
  }

  private static void assertJournaled(String id, String packageSha256) throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      var last = store.journal().get(store.journal().size() - 1).entry();
      assertEquals("EXPORTED", last.event());
      assertEquals(id, last.intervention());
      assertTrue(last.detail().contains(packageSha256), last.detail());
      assertTrue(store.verifyJournal().isEmpty());
    }
  }

  @Test
  void anOpenMeetingIsRefused() throws Exception {
    String id;
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      Enrollment sample = SampleEnrollment.at(LocalDateTime.now());
      TestOfficerKey.register(store);
      id = store.begin(sample, EnrollmentFile.toJson(sample), Instant.now());
    }
    String[] result = export(id, dir.resolve("open"));
    assertEquals("1", result[0]);
    assertOneLine(result[2], "is OPEN, not CLOSED");
    assertTrue(Files.notExists(dir.resolve("open").resolve(id + "-export.zip")));
  }

  @Test
  void aSheetChangedSinceItWasRecordedIsRefused() throws Exception {
    Path sheet = Path.of(demo.get("sheetPath").asText());
    byte[] original = Files.readAllBytes(sheet);
    try {
      byte[] altered = original.clone();
      altered[altered.length / 2] ^= 0x01;
      Files.write(sheet, altered);
      String[] result = export(demo.get("interventionId").asText(), dir.resolve("altered"));
      assertEquals("1", result[0]);
      assertOneLine(result[2], "no longer matches its record");
    } finally {
      Files.write(sheet, original);
    }
  }

  @Test
  void anUnwritableFolderIsRefused() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("a-file"), "x");
    String[] result = export(demo.get("interventionId").asText(), notAFolder.resolve("sub"));
    assertEquals("1", result[0]);
    assertOneLine(result[2], "cannot write to the export folder");
  }

  @Test
  void withoutTheOfficerNothingIsExported() {
    String[] result =
        run(
            "export",
            demo.get("interventionId").asText(),
            "--out",
            dir.resolve("x").toString(),
            "--data-dir",
            dir.toString());
    assertEquals("1", result[0]);
    assertOneLine(result[2], "--officer");
  }

  private static void assertOneLine(String err, String expected) {
    assertTrue(err.contains(expected), err);
    assertEquals(1, err.strip().lines().count(), err);
  }

  private static Map<String, byte[]> unzip(Path zip) throws IOException {
    Map<String, byte[]> files = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        files.put(entry.getName(), in.readAllBytes());
      }
    }
    return files;
  }
}
