package fr.aed.station.app.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the sheet back with poppler's own tools, independent of PDFBox. They must be installed: a
 * missing tool fails the test rather than skipping it.
 */
class PdftotextTest {

  @TempDir Path tempDir;

  @Test
  void pdftotextFindsTheHolderTheCompanyAndTheFingerprint() throws Exception {
    Path pdf = writeSheet();
    Path txt = tempDir.resolve("fiche.txt");
    run("pdftotext", "-enc", "UTF-8", pdf.toString(), txt.toString());
    String text = Files.readString(txt, StandardCharsets.UTF_8);
    assertTrue(text.contains("Lefèvre-Dubois"), text);
    assertTrue(text.contains("Élodie"), text);
    assertTrue(text.contains("Atelier Lumière SAS"), text);
    assertTrue(text.replaceAll("\\s", "").contains(SampleSheets.CSR_SHA256), text);
  }

  @Test
  void pdffontsReportsOnlyEmbeddedFonts() throws Exception {
    String report = run("pdffonts", writeSheet().toString());
    List<String> fonts = report.lines().skip(2).toList();
    assertTrue(!fonts.isEmpty(), report);
    // Columns: name type encoding emb sub uni object ID; "emb" is the fifth from the end.
    for (String font : fonts) {
      String[] columns = font.trim().split("\\s+");
      assertEquals("yes", columns[columns.length - 5], report);
    }
  }

  private Path writeSheet() throws IOException {
    Path pdf = tempDir.resolve("fiche.pdf");
    Files.write(pdf, new PdfSheetRenderer().render(SampleSheets.sheet()));
    return pdf;
  }

  private String run(String... command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      fail(command[0] + " is not installed: install poppler-utils (apt-get install poppler-utils)");
      return "";
    }
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(command[0] + " did not finish");
    }
    assertEquals(0, process.exitValue(), output);
    return output;
  }
}
