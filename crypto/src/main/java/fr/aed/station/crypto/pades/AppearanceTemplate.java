package fr.aed.station.crypto.pades;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * The visible signature's template that PDFBox copies into the signed PDF (its widget's rectangle
 * and normal appearance): a thin frame and the lines of text in an embedded font, opaque and in
 * gray only, so that the signed sheet stays PDF/A (ISO 19005-3, 6.2.11 fonts embedded, 6.3.3 an
 * appearance dictionary with only /N).
 */
final class AppearanceTemplate {

  /** Liberation Sans, shipped inside PDFBox: the font the sheet itself is printed with. */
  private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  private static final float PADDING = 4;
  private static final float MAX_SIZE = 9;
  private static final float LEADING = 1.25f;

  private AppearanceTemplate() {}

  /**
   * A one-page PDF of the signed page's size holding the signature field and its appearance.
   *
   * @throws IOException if the font cannot be read or the template cannot be written
   */
  static byte[] pdf(PDRectangle pageSize, SignatureAppearance appearance) throws IOException {
    try (PDDocument template = new PDDocument()) {
      PDPage page = new PDPage(pageSize);
      template.addPage(page);
      PDAcroForm form = new PDAcroForm(template);
      template.getDocumentCatalog().setAcroForm(form);
      PDSignatureField field = new PDSignatureField(form);
      form.getFields().add(field);
      PDAnnotationWidget widget = field.getWidgets().get(0);
      widget.setRectangle(
          new PDRectangle(appearance.x(), appearance.y(), appearance.width(), appearance.height()));
      widget.setPage(page);
      widget.setPrinted(true);
      page.getAnnotations().add(widget);
      widget.setAppearance(appearanceDictionary(template, appearance));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      template.save(out);
      return out.toByteArray();
    }
  }

  private static PDAppearanceDictionary appearanceDictionary(
      PDDocument template, SignatureAppearance appearance) throws IOException {
    PDFormXObject form = new PDFormXObject(new PDStream(template));
    form.setResources(new PDResources());
    form.setFormType(1);
    form.setBBox(new PDRectangle(appearance.width(), appearance.height()));
    PDAppearanceStream stream = new PDAppearanceStream(form.getCOSObject());
    PDFont font = font(template);
    try (PDPageContentStream content = new PDPageContentStream(template, stream)) {
      draw(content, font, appearance);
    }
    PDAppearanceDictionary dictionary = new PDAppearanceDictionary();
    dictionary.setNormalAppearance(stream);
    return dictionary;
  }

  private static void draw(PDPageContentStream content, PDFont font, SignatureAppearance appearance)
      throws IOException {
    float width = appearance.width();
    float height = appearance.height();
    content.setStrokingColor(0.35f);
    content.setLineWidth(0.5f);
    content.addRect(0.5f, 0.5f, width - 1, height - 1);
    content.stroke();
    List<String> lines = appearance.lines();
    float size = fittingSize(font, lines, width - 2 * PADDING, height - 2 * PADDING);
    content.setNonStrokingColor(0f);
    float baseline = height - PADDING - size;
    for (String line : lines) {
      content.beginText();
      content.setFont(font, size);
      content.newLineAtOffset(PADDING, baseline);
      content.showText(printable(font, line));
      content.endText();
      baseline -= size * LEADING;
    }
  }

  // The largest size up to MAX_SIZE at which every line fits the width and all fit the height.
  private static float fittingSize(PDFont font, List<String> lines, float width, float height)
      throws IOException {
    float size = MAX_SIZE;
    for (String line : lines) {
      float atOne = font.getStringWidth(printable(font, line)) / 1000;
      if (atOne > 0) {
        size = Math.min(size, width / atOne);
      }
    }
    if (!lines.isEmpty()) {
      size = Math.min(size, height / (lines.size() * LEADING));
    }
    return Math.max(size, 1);
  }

  // A glyph the font lacks, or a control character, would fail the whole signature: "?" instead.
  private static String printable(PDFont font, String line) {
    StringBuilder out = new StringBuilder(line.length());
    line.codePoints().forEach(cp -> out.append(canShow(font, cp) ? Character.toString(cp) : "?"));
    return out.toString();
  }

  private static boolean canShow(PDFont font, int codePoint) {
    if (Character.isISOControl(codePoint)) {
      return false;
    }
    try {
      font.encode(Character.toString(codePoint));
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  private static PDFont font(PDDocument template) throws IOException {
    try (InputStream in = AppearanceTemplate.class.getResourceAsStream(FONT)) {
      if (in == null) {
        throw new IOException("font not found on the class path: " + FONT);
      }
      return PDType0Font.load(template, in, true);
    }
  }
}
