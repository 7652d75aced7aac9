package fr.aed.station.app.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.sheet.PageFlow.Column;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PageFlowTest {

  private PDDocument document;
  private PageFlow flow;

  @BeforeEach
  void startDocument() throws IOException {
    document = new PDDocument();
    PDFont font = PageFlow.loadFont(document);
    flow = new PageFlow(document, font);
  }

  @AfterEach
  void closeDocument() throws IOException {
    flow.close();
    document.close();
  }

  @Test
  void startsWithOnePageAndTheCursorUnderTheTopMargin() {
    assertEquals(1, document.getNumberOfPages());
    assertEquals(PageFlow.PAGE.getHeight() - PageFlow.MARGIN, flow.y(), 0.01);
  }

  @Test
  void linesPastTheBottomMarginGoOnANewPage() throws IOException {
    float line = PageFlow.lineHeight(PageFlow.BODY_SIZE);
    int perPage = (int) ((PageFlow.PAGE.getHeight() - 2 * PageFlow.MARGIN) / line);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < perPage + 1; i++) {
      lines.add("ligne " + i);
    }
    flow.columns(PageFlow.BODY_SIZE, List.of(new Column(flow.left(), lines)));
    assertEquals(2, document.getNumberOfPages());
    assertTrue(flow.y() >= PageFlow.MARGIN);
  }

  @Test
  void ensureRoomBreaksOnlyWhenTheSpaceIsMissing() throws IOException {
    flow.ensureRoom(100);
    assertEquals(1, document.getNumberOfPages());
    flow.skip(flow.y() - PageFlow.MARGIN - 50);
    flow.ensureRoom(100);
    assertEquals(2, document.getNumberOfPages());
  }

  @Test
  void wrappedLinesFitTheWidth() {
    String hex = SampleSheets.CSR_SHA256;
    List<String> lines = flow.wrap(hex, 150, PageFlow.BODY_SIZE);
    assertTrue(lines.size() > 1, "a 64-digit fingerprint is wider than 150 pt");
    lines.forEach(l -> assertTrue(flow.textWidth(l, PageFlow.BODY_SIZE) <= 150, l));
    assertEquals(hex, String.join("", lines));
  }

  @Test
  void replacesWhatTheFontCannotShow() {
    assertEquals("Élodie ? a b", flow.printable("Élodie \u4E2D a\tb"));
  }

  @Test
  void numbersEveryPage() throws IOException {
    flow.skip(flow.y() - PageFlow.MARGIN);
    flow.ensureRoom(10);
    flow.finish("Fiche n° X");
    assertEquals(2, document.getNumberOfPages());
  }
}
