package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.certificate.OpensslCa;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.token.pkcs11.Pkcs11Provisioning;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A meeting enrolled on a SoftHSM2 token, closed by the officer, then the certificate an openssl
 * test authority issued installed on it: pkcs11-tool, a client the station did not write, finds the
 * certificate object next to the private key, with its CKA_ID and label.
 */
class Pkcs11CertificateInstallTest {

  private static final Pattern OBJECT = Pattern.compile("(?m)^(\\S[^;\\n]*Object)");

  @TempDir Path dir;

  @Test
  void theCertificateIsWrittenWithTheKeysIdAndLabel() throws Exception {
    Path configuration = SoftHsm.configuration();
    String label = "cert-" + ProcessHandle.current().pid();
    Pkcs11Provisioning.initToken(
        SoftHsm.MODULE, label, "12345678".toCharArray(), "123456".toCharArray());
    String token = "pkcs11:" + SoftHsm.MODULE + ";token=" + label;
    JsonNode enrolled = enroll(token);
    String id = enrolled.get("interventionId").asText();
    OpensslCa authority = OpensslCa.create(dir.resolve("ca"), "AC de test PKCS11");
    authority.configure(dir, null);
    Path issued =
        authority.issue(
            Path.of(enrolled.get("csrPath").asText()),
            3 * 365,
            OpensslCa.productExtensions(),
            dir.resolve("issued.pem"));

    StationRun run =
        StationRun.on(
            dir,
            "certificate",
            "install",
            id,
            "--certificate",
            issued.toString(),
            "--token",
            token,
            "--pin-file",
            holderPin().toString(),
            "--officer",
            "demo",
            "--holder-accepts");

    assertEquals(0, run.code(), run.out() + run.err());
    String listed = pkcs11Tool(configuration, label);
    String certificate = block(listed, "Certificate Object");
    String privateKey = block(listed, "Private Key Object");
    assertEquals(field(privateKey, "ID"), field(certificate, "ID"), listed);
    assertEquals(field(privateKey, "label"), field(certificate, "label"), listed);
    assertTrue(certificate.contains("Lef"), certificate);
  }

  private JsonNode enroll(String token) throws Exception {
    Path dossier =
        Files.writeString(
            dir.resolve("dossier.json"),
            EnrollmentFile.toJson(SampleEnrollment.at(LocalDateTime.now())));
    StationRun run =
        StationRun.on(
            dir,
            "enroll",
            "--dossier",
            dossier.toString(),
            "--token",
            token,
            "--pin-file",
            HolderPins.secretFile(dir.resolve("factory-pin"), "123456\n").toString(),
            "--new-pin-file",
            HolderPins.file(dir),
            "--algorithm",
            "p256",
            "--officer",
            "demo",
            "--json");
    assertEquals(0, run.code(), run.err());
    JsonNode outcome = EnrollmentFile.mapper().readTree(run.out());
    assertTrue(outcome.get("sheetSigned").asBoolean(), "the meeting is closed");
    return outcome;
  }

  private Path holderPin() {
    return HolderPins.secretFile(
        dir.resolve("holder-pin"),
        fr.aed.station.app.device.TokenConnectors.SIMULATED_HOLDER_PIN + "\n");
  }

  // The object's lines, from its heading to the next object's.
  private static String block(String listed, String heading) {
    int start = listed.indexOf(heading);
    assertFalse(start < 0, heading + " in\n" + listed);
    Matcher next = OBJECT.matcher(listed);
    int end = next.find(start + heading.length()) ? next.start() : listed.length();
    return listed.substring(start, end);
  }

  private static String field(String block, String name) {
    Matcher value = Pattern.compile("(?m)^\\s+" + name + ":\\s+(.+)$").matcher(block);
    assertTrue(value.find(), name + " in\n" + block);
    return value.group(1).strip();
  }

  private static String pkcs11Tool(Path configuration, String label) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    "pkcs11-tool",
                    "--module",
                    SoftHsm.MODULE.toString(),
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
