package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.store.TestOfficerKey;
import fr.aed.station.crypto.pades.ArchiveConformance;
import fr.aed.station.crypto.pades.PadesVerifier;
import fr.aed.station.crypto.pades.SheetSignatureReport;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The printed sheet signed by hand and scanned back, attached, then signed by the officer. */
class HolderSignatureScanCommandTest {

  @TempDir Path dir;

  private String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = StationCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void scanIsAttachedBeforeTheOfficerSignsAndTheSheetStillVerifies() throws Exception {
    TestOfficerKey.registerIn(dir.resolve("station.db"));
    Path dossier =
        Files.writeString(
            dir.resolve("dossier.json"),
            EnrollmentFile.toJson(SampleEnrollment.at(LocalDateTime.now())));
    Path pin = HolderPins.secretFile(dir.resolve("pin"), "123456\n");
    String[] enrolled =
        run(
            "enroll",
            "--dossier",
            dossier.toString(),
            "--token",
            "simulated",
            "--pin-file",
            pin.toString(),
            "--new-pin-file",
            HolderPins.file(dir),
            "--algorithm",
            "p256",
            "--data-dir",
            dir.toString(),
            "--json");
    assertEquals("0", enrolled[0], enrolled[2]);
    JsonNode outcome = EnrollmentFile.mapper().readTree(enrolled[1]);
    assertFalse(outcome.get("sheetSigned").asBoolean());
    String id = outcome.get("interventionId").asText();
    Path scan = dir.resolve("fiche-signee.png");
    ImageIO.write(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB), "png", scan.toFile());

    String[] attached =
        run("sheet", "attach-scan", id, scan.toString(), "--data-dir", dir.toString());
    assertEquals("0", attached[0], attached[2]);
    String[] signed =
        run("resume", id, "--officer", "demo", "--data-dir", dir.toString(), "--json");
    assertEquals("0", signed[0], signed[2]);

    Path sheet = Path.of(outcome.get("sheetPath").asText());
    String[] verified =
        run("sheet", "verify", sheet.toString(), "--demo", "--data-dir", dir.toString());
    assertEquals("0", verified[0], verified[1]);
    byte[] pdf = Files.readAllBytes(sheet);
    assertEquals("PDF/A-3B compliant", ArchiveConformance.check(pdf).summary());
    try (PDDocument document = Loader.loadPDF(pdf)) {
      Map<String, ?> files = document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
      assertTrue(
          files.containsKey("signature-titulaire-fiche-signee.png"), files.keySet().toString());
      assertEquals(3, files.size());
    }

    String[] late = run("sheet", "attach-scan", id, scan.toString(), "--data-dir", dir.toString());
    assertEquals("1", late[0]);
    assertTrue(late[2].contains("the officer has signed the sheet"), late[2]);
    String[] again =
        run(
            "sheet",
            "attach-scan",
            id,
            scan.toString(),
            "--officer",
            "demo",
            "--data-dir",
            dir.toString());
    assertEquals("1", again[0]);
    assertTrue(again[2].contains("already holds the holder's signature"), again[2]);
  }

  @Test
  void aScanJoinsTheClosedMeetingsSignedSheetAsASecondRevisionOnce() throws Exception {
    JsonNode outcome = enrollSigned();
    String id = outcome.get("interventionId").asText();
    Path sheet = Path.of(outcome.get("sheetPath").asText());
    byte[] first = Files.readAllBytes(sheet);
    Path scan = dir.resolve("fiche-signee.png");
    ImageIO.write(new BufferedImage(60, 80, BufferedImage.TYPE_INT_RGB), "png", scan.toFile());

    String[] added =
        run(
            "sheet",
            "attach-scan",
            id,
            scan.toString(),
            "--officer",
            "demo",
            "--data-dir",
            dir.toString());
    assertEquals("0", added[0], added[2]);

    byte[] second = Files.readAllBytes(sheet);
    assertArrayEquals(first, Arrays.copyOf(second, first.length));
    SheetSignatureReport report = new PadesVerifier().verify(second);
    assertEquals(2, report.signatures().size(), report.toString());
    assertTrue(report.valid(), report.toString());
    String[] verified =
        run("sheet", "verify", sheet.toString(), "--demo", "--data-dir", dir.toString());
    assertEquals("0", verified[0], verified[1]);
    String[] journal = run("journal", "verify", "--demo", "--data-dir", dir.toString());
    assertEquals("0", journal[0], journal[1] + journal[2]);
    assertEquals("PDF/A-3B compliant", ArchiveConformance.check(second).summary());

    String[] twice =
        run(
            "sheet",
            "attach-scan",
            id,
            scan.toString(),
            "--officer",
            "demo",
            "--data-dir",
            dir.toString());
    assertEquals("1", twice[0]);
    assertTrue(twice[2].contains("already holds the holder's signature"), twice[2]);
    assertArrayEquals(second, Files.readAllBytes(sheet));
  }

  @ParameterizedTest
  @CsvSource({"fiche.tif, tiff, 3", "fiche.pdf, pdf, 2", "fiche.jpg, jpeg, 1"})
  void everyKindOfScanJoinsAsAPageEachAndTheSheetStaysPdfA(String name, String format, int pages)
      throws Exception {
    JsonNode outcome = enrollSigned();
    Path sheet = Path.of(outcome.get("sheetPath").asText());
    int before;
    try (PDDocument document = Loader.loadPDF(Files.readAllBytes(sheet))) {
      before = document.getNumberOfPages();
    }
    byte[] content =
        format.equals("pdf") ? ScanSamples.pdf(pages) : ScanSamples.image(format, pages);
    Path scan = Files.write(dir.resolve(name), content);

    String[] added =
        run(
            "sheet",
            "attach-scan",
            outcome.get("interventionId").asText(),
            scan.toString(),
            "--officer",
            "demo",
            "--data-dir",
            dir.toString());
    assertEquals("0", added[0], added[2]);

    byte[] pdf = Files.readAllBytes(sheet);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertEquals(before + pages, document.getNumberOfPages());
    }
    assertEquals("PDF/A-3B compliant", ArchiveConformance.check(pdf).summary());
    String[] verified =
        run("sheet", "verify", sheet.toString(), "--demo", "--data-dir", dir.toString());
    assertEquals("0", verified[0], verified[1]);
  }

  @Test
  void aClosedMeetingsScanWithoutTheOfficersCardIsRefusedAndNothingChanges() throws Exception {
    JsonNode outcome = enrollSigned();
    Path sheet = Path.of(outcome.get("sheetPath").asText());
    byte[] before = Files.readAllBytes(sheet);
    Path scan = dir.resolve("fiche-signee.png");
    ImageIO.write(new BufferedImage(60, 80, BufferedImage.TYPE_INT_RGB), "png", scan.toFile());

    String[] refused =
        run(
            "sheet",
            "attach-scan",
            outcome.get("interventionId").asText(),
            scan.toString(),
            "--data-dir",
            dir.toString());
    assertEquals("1", refused[0]);
    assertTrue(refused[2].contains("give --officer"), refused[2]);
    assertArrayEquals(before, Files.readAllBytes(sheet));
  }

  private JsonNode enrollSigned() throws Exception {
    TestOfficerKey.registerIn(dir.resolve("station.db"));
    Path dossier =
        Files.writeString(
            dir.resolve("dossier.json"),
            EnrollmentFile.toJson(SampleEnrollment.at(LocalDateTime.now())));
    Path pin = HolderPins.secretFile(dir.resolve("pin"), "123456\n");
    String[] enrolled =
        run(
            "enroll",
            "--dossier",
            dossier.toString(),
            "--token",
            "simulated",
            "--pin-file",
            pin.toString(),
            "--new-pin-file",
            HolderPins.file(dir),
            "--algorithm",
            "p256",
            "--officer",
            "demo",
            "--data-dir",
            dir.toString(),
            "--json");
    assertEquals("0", enrolled[0], enrolled[2]);
    JsonNode outcome = EnrollmentFile.mapper().readTree(enrolled[1]);
    assertTrue(outcome.get("sheetSigned").asBoolean());
    return outcome;
  }
}
