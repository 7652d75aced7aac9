package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.store.TestOfficerKey;
import fr.aed.station.token.pkcs11.Pkcs11Provisioning;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code station enroll --token pkcs11:...} on a SoftHSM2 token, then pkcs11-tool, another PKCS#11
 * client, tells how the private key was made.
 */
class Pkcs11EnrollCommandTest {

  private static final Path SOFTHSM2 = SoftHsm.MODULE;

  @TempDir Path dir;

  @Test
  void enrollsOnSoftHsmAndTheKeyIsSensitiveNeverExtractableAndLocal() throws Exception {
    TestOfficerKey.registerIn(dir.resolve("station.db"));
    Path configuration = SoftHsm.configuration();
    String label = "holder-" + ProcessHandle.current().pid();
    Pkcs11Provisioning.initToken(SOFTHSM2, label, "12345678".toCharArray(), "123456".toCharArray());
    Path dossier =
        Files.writeString(
            dir.resolve("dossier.json"),
            EnrollmentFile.toJson(SampleEnrollment.at(LocalDateTime.now())));
    Path pin = HolderPins.secretFile(dir.resolve("pin"), "123456\n");

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        StationCommand.execute(
            new String[] {
              "enroll",
              "--dossier",
              dossier.toString(),
              "--token",
              "pkcs11:" + SOFTHSM2 + ";token=" + label,
              "--pin-file",
              pin.toString(),
              "--new-pin-file",
              HolderPins.file(dir),
              "--algorithm",
              "rsa2048",
              "--data-dir",
              dir.toString(),
              "--json"
            },
            new PrintWriter(out),
            new PrintWriter(err));
    assertEquals(0, code, err.toString());
    Path sheet =
        Path.of(EnrollmentFile.mapper().readTree(out.toString()).get("sheetPath").asText());
    try (PDDocument document = Loader.loadPDF(sheet.toFile())) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertTrue(
          text.contains("créée sur le support, jamais exportable"),
          "the sheet says the token's evidence");
      assertFalse(text.contains("CKA_"), "in words, not the attributes' names");
    }

    String listed = pkcs11Tool(configuration, label);
    int privateKey = listed.indexOf("Private Key Object");
    assertTrue(privateKey >= 0, listed);
    String access =
        listed
            .substring(privateKey)
            .lines()
            .filter(l -> l.contains("Access:"))
            .findFirst()
            .orElse("");
    assertTrue(access.contains("sensitive"), listed);
    assertTrue(access.contains("never extractable"), listed);
    assertTrue(access.contains("local"), listed);
  }

  private static String pkcs11Tool(Path configuration, String label) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    "pkcs11-tool",
                    "--module",
                    SOFTHSM2.toString(),
                    "--token-label",
                    label,
                    "-O",
                    "--login",
                    "--pin",
                    fr.aed.station.app.device.TokenConnectors.SIMULATED_HOLDER_PIN))
            .redirectErrorStream(true);
    builder.environment().put("SOFTHSM2_CONF", configuration.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    return output;
  }
}
