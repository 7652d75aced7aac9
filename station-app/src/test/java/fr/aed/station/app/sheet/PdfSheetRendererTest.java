package fr.aed.station.app.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.FeeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfSheetRendererTest {

  @TempDir Path tempDir;

  private final SheetRenderer renderer = new PdfSheetRenderer();

  @Test
  void printsTheHolderTheCompanyTheFingerprintsAndTheFee() throws IOException {
    String text = textOf(render(SampleSheets.sheet(), "fiche.pdf"));
    assertTrue(text.contains(SheetContent.TITLE), text);
    assertTrue(text.contains("Élodie Lefèvre-Dubois"), text);
    assertTrue(text.contains("Élodie, Marie-Hélène"), text);
    assertTrue(text.contains("Atelier Lumière SAS"), text);
    assertTrue(text.contains("552081317"), text);
    assertTrue(text.contains("55208131700040"), text);
    assertTrue(text.contains("50,00 € HT"), text);
    assertTrue(text.contains("RGS** / ETSI EN 319 411-1 QCP-n-qscd"), text);
    assertTrue(text.contains("Original présenté : oui"), text);
    assertTrue(text.contains("Conformité"), text);
    assertTrue(text.contains("« Image fantôme » conforme"), text);
    assertTrue(text.contains("14/04/2025"), text);
    assertTrue(withoutWhitespace(text).contains(SampleSheets.CSR_SHA256), text);
    assertTrue(withoutWhitespace(text).contains(SampleSheets.PUBLIC_KEY_SHA256), text);
    assertFalse(text.contains("Certigna"), "the authority is not named on the sheet");
  }

  @Test
  void printsAQuotationWhenTheOfficerTravelsFar() throws IOException {
    String text =
        textOf(render(SampleSheets.sheet(FeeKind.TRAVEL_BEYOND_30_KM, "CN=x"), "devis.pdf"));
    assertTrue(text.contains("Montant : sur devis"), text);
  }

  @Test
  void embedsEveryFont() throws IOException {
    try (PDDocument document = Loader.loadPDF(render(SampleSheets.sheet(), "polices.pdf"))) {
      List<PDFont> fonts = fontsOf(document);
      assertFalse(fonts.isEmpty());
      for (PDFont font : fonts) {
        assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
        assertFalse(font.isStandard14(), font.getName());
      }
    }
  }

  @Test
  void isAnA4SheetDescribedInItsDocumentInformation() throws IOException {
    try (PDDocument document = Loader.loadPDF(render(SampleSheets.sheet(), "info.pdf"))) {
      PDRectangle box = document.getPage(0).getMediaBox();
      assertEquals(PDRectangle.A4.getWidth(), box.getWidth(), 0.01);
      assertEquals(PDRectangle.A4.getHeight(), box.getHeight(), 0.01);
      var info = document.getDocumentInformation();
      assertEquals(SheetContent.TITLE, info.getTitle());
      assertEquals("Maître François Gérard", info.getAuthor());
      assertTrue(info.getSubject().contains("D-2025-000417"), info.getSubject());
      assertEquals(
          SampleSheets.sheet().producedAt().toInstant(), info.getCreationDate().toInstant());
    }
  }

  @Test
  void numbersThePagesInTheFooter() throws IOException {
    try (PDDocument document = Loader.loadPDF(render(SampleSheets.sheet(), "pages.pdf"))) {
      int count = document.getNumberOfPages();
      String text = new PDFTextStripper().getText(document);
      for (int page = 1; page <= count; page++) {
        assertTrue(text.contains("Fiche n° FRV-2025-0001 — page " + page + "/" + count), text);
      }
    }
  }

  @Test
  void continuesAVeryLongSubjectOnTheNextPagesWithoutLosingAnything() throws IOException {
    String subject =
        IntStream.rangeClosed(1, 120)
                .mapToObj(i -> "OU=Établissement secondaire n°" + i)
                .collect(Collectors.joining(","))
            + ",CN="
            + "Ä".repeat(300);
    byte[] pdf = render(SampleSheets.sheet(FeeKind.AT_OFFICE, subject), "long.pdf");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertTrue(document.getNumberOfPages() >= 2, "pages: " + document.getNumberOfPages());
      String text = new PDFTextStripper().getText(document);
      String body = withoutWhitespace(text.replaceAll("Fiche n° \\S+ — page \\d+/\\d+", ""));
      // one labelled line per attribute, every one of them whole
      assertEquals(
          121, body.split("Service:Établissementsecondairen°", -1).length, "the subject was cut");
      assertTrue(body.contains("Service:Établissementsecondairen°120"), "the last unit");
      assertTrue(body.contains("Nom:" + "Ä".repeat(300)), "the subject's name was cut");
      assertTrue(body.contains("publié."), "the declarations after the subject are missing");
      assertEquals(2, text.split("Signature :", -1).length - 1, "both signature boxes");
    }
  }

  private byte[] render(InterventionSheet sheet, String fileName) throws IOException {
    byte[] pdf = renderer.render(sheet);
    Files.write(tempDir.resolve(fileName), pdf);
    return pdf;
  }

  private static String textOf(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  private static String withoutWhitespace(String text) {
    return text.replaceAll("\\s", "");
  }

  private static List<PDFont> fontsOf(PDDocument document) throws IOException {
    List<PDFont> fonts = new ArrayList<>();
    for (PDPage page : document.getPages()) {
      PDResources resources = page.getResources();
      for (COSName name : resources.getFontNames()) {
        fonts.add(resources.getFont(name));
      }
    }
    return fonts;
  }
}
