package fr.aed.station.app.sheet;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Lays text out from the top of an A4 page downwards, one font, starting a new page when the next
 * line would enter the bottom margin. Coordinates are PDF points, origin bottom left.
 *
 * <p>Text the font cannot show is printed as {@code ?} rather than failing the whole sheet.
 */
final class PageFlow implements Closeable {

  /** Liberation Sans, shipped inside the PDFBox jar: metric-compatible with Arial. */
  static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  static final PDRectangle PAGE = PDRectangle.A4;
  static final float MARGIN = 56;
  static final float BODY_SIZE = 9.5f;
  static final float LEADING = 1.35f;
  private static final float FOOTER_SIZE = 8;
  private static final float FOOTER_BASELINE = 28;

  private final PDDocument document;
  private final PDFont font;
  private PDPageContentStream stream;
  private float y;

  /** Starts the first page of the document. */
  PageFlow(PDDocument document, PDFont font) throws IOException {
    this.document = document;
    this.font = font;
    newPage();
  }

  /**
   * Loads the sheet's font into the document, to be embedded as a subset of the glyphs used.
   *
   * @throws IOException if the font is missing from the class path or unreadable
   */
  static PDFont loadFont(PDDocument document) throws IOException {
    try (InputStream in = PageFlow.class.getResourceAsStream(FONT_RESOURCE)) {
      if (in == null) {
        throw new IOException("font not found on the class path: " + FONT_RESOURCE);
      }
      return PDType0Font.load(document, in, true);
    }
  }

  float left() {
    return MARGIN;
  }

  float width() {
    return PAGE.getWidth() - 2 * MARGIN;
  }

  /** The baseline-free top of the space left on the current page. */
  float y() {
    return y;
  }

  /** The current page, counted from 0. */
  int pageIndex() {
    return document.getNumberOfPages() - 1;
  }

  /** Starts a new page unless the current one still has the given height free. */
  void ensureRoom(float height) throws IOException {
    if (y - height < MARGIN) {
      newPage();
    }
  }

  /** Moves the cursor down, without drawing. */
  void skip(float height) {
    y -= height;
  }

  /** The height one line of text takes at this size. */
  static float lineHeight(float size) {
    return size * LEADING;
  }

  /** The text cut into lines that fit the width at this size, unprintable characters replaced. */
  List<String> wrap(String text, float maxWidth, float size) {
    return new LineWrapper(part -> textWidth(part, size)).wrap(printable(text), maxWidth);
  }

  /**
   * Prints lines in columns, line after line, breaking the page between two lines when needed.
   *
   * @param columns each column's left edge and its lines; a shorter column leaves blanks
   */
  void columns(float size, List<Column> columns) throws IOException {
    int rows = columns.stream().mapToInt(c -> c.lines().size()).max().orElse(0);
    for (int row = 0; row < rows; row++) {
      ensureRoom(lineHeight(size));
      y -= lineHeight(size);
      for (Column column : columns) {
        if (row < column.lines().size()) {
          text(column.x(), y + size * (LEADING - 1), size, column.lines().get(row));
        }
      }
    }
  }

  /** Prints one already-fitted line with its baseline at {@code baseline}. */
  void text(float x, float baseline, float size, String line) throws IOException {
    stream.beginText();
    stream.setFont(font, size);
    stream.newLineAtOffset(x, baseline);
    stream.showText(printable(line));
    stream.endText();
  }

  void line(float x1, float y1, float x2, float y2) throws IOException {
    stream.moveTo(x1, y1);
    stream.lineTo(x2, y2);
    stream.stroke();
  }

  void rectangle(float x, float bottom, float w, float h) throws IOException {
    stream.addRect(x, bottom, w, h);
    stream.stroke();
  }

  float textWidth(String text, float size) {
    try {
      return font.getStringWidth(printable(text)) / 1000 * size;
    } catch (IOException e) {
      throw new IllegalStateException("cannot measure text with " + font.getName(), e);
    }
  }

  /**
   * Ends the layout and writes "{prefix} — page i/n" at the bottom of every page.
   *
   * @throws IOException if a page cannot be written
   */
  void finish(String footerPrefix) throws IOException {
    close();
    int count = document.getNumberOfPages();
    for (int i = 0; i < count; i++) {
      PDPage page = document.getPage(i);
      try (PDPageContentStream footer =
          new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
        String text = printable(footerPrefix + " — page " + (i + 1) + "/" + count);
        float x = PAGE.getWidth() - MARGIN - textWidth(text, FOOTER_SIZE);
        footer.moveTo(MARGIN, FOOTER_BASELINE + 12);
        footer.lineTo(PAGE.getWidth() - MARGIN, FOOTER_BASELINE + 12);
        footer.stroke();
        footer.beginText();
        footer.setFont(font, FOOTER_SIZE);
        footer.newLineAtOffset(x, FOOTER_BASELINE);
        footer.showText(text);
        footer.endText();
      }
    }
  }

  /** Closes the current page's content; safe to call twice. */
  @Override
  public void close() throws IOException {
    if (stream != null) {
      stream.close();
      stream = null;
    }
  }

  private void newPage() throws IOException {
    close();
    PDPage page = new PDPage(PAGE);
    document.addPage(page);
    stream = new PDPageContentStream(document, page);
    stream.setLineWidth(0.6f);
    y = PAGE.getHeight() - MARGIN;
  }

  /** Control characters become spaces (line feeds excepted), glyphs the font lacks become "?". */
  String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (cp == '\n') {
                out.append('\n');
              } else if (Character.isISOControl(cp)) {
                out.append(' ');
              } else {
                out.append(canShow(cp) ? Character.toString(cp) : "?");
              }
            });
    return out.toString();
  }

  private boolean canShow(int codePoint) {
    try {
      font.encode(Character.toString(codePoint));
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  /** A column of lines starting at {@code x}. */
  record Column(float x, List<String> lines) {}
}
