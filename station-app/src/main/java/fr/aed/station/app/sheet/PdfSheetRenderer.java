package fr.aed.station.app.sheet;

import static fr.aed.station.app.sheet.PageFlow.BODY_SIZE;
import static fr.aed.station.app.sheet.PageFlow.lineHeight;

import fr.aed.station.app.sheet.PageFlow.Column;
import fr.aed.station.app.sheet.SheetItem.Field;
import fr.aed.station.app.sheet.SheetItem.Statement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Renders the intervention sheet as an A4 PDF in French, with its font embedded so that the
 * archived sheet prints the same for years (domain.md section 6).
 *
 * <p>Every text uses Liberation Sans, shipped inside PDFBox, embedded as a subset: the Standard 14
 * fonts are never used. Long values wrap and the content continues on further pages; each page
 * carries the sheet id and "page i/n" in its footer.
 *
 * <p>The document is PDF/A-3b (ISO 19005-3): XMP metadata matching the information dictionary, an
 * sRGB output intent, and optionally embedded files associated with the document.
 */
public final class PdfSheetRenderer implements SheetRenderer {

  private static final float TITLE_SIZE = 16;
  private static final float HEADING_SIZE = 11;
  private static final float MAX_LABEL_SHARE = 0.45f;
  private static final float GUTTER = 10;
  private static final float BULLET_INDENT = 12;
  private static final float SIGNATURE_SPACE = 60;
  private static final String CREATOR = "Station de l'opérateur d'AED";
  private static final String PRODUCER = "Apache PDFBox";

  /**
   * Renders the sheet as a PDF/A-3b document with the given files embedded in it.
   *
   * @param attachments files to embed, each with a unique name; may be empty
   * @return the PDF bytes
   * @throws NullPointerException if the sheet lacks one of the records it prints
   * @throws IllegalArgumentException if two attachments have the same name
   * @throws IOException if the embedded font cannot be read or the PDF cannot be written
   */
  @Override
  public byte[] render(InterventionSheet sheet, List<SheetAttachment> attachments)
      throws IOException {
    Objects.requireNonNull(sheet, "sheet");
    Objects.requireNonNull(attachments, "attachments");
    List<SheetSection> sections = SheetContent.sections(sheet);
    try (PDDocument document = new PDDocument()) {
      PDFont font = PageFlow.loadFont(document);
      Map<Signer, SignatureArea> areas;
      try (PageFlow flow = new PageFlow(document, font)) {
        title(flow);
        float labelWidth = labelWidth(flow, sections);
        for (SheetSection section : sections) {
          section(flow, section, labelWidth);
        }
        areas = signatures(flow, SheetContent.signatureBoxes(sheet));
        flow.finish("Fiche n° " + FrenchFormat.text(sheet.sheetId()));
      }
      Calendar time = documentTime(sheet);
      SignatureAreas.record(document, areas, time);
      describe(document, sheet, time);
      EmbeddedAttachments.embed(document, attachments, time);
      ArchiveProfile.apply(document);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private static void title(PageFlow flow) throws IOException {
    List<String> lines = flow.wrap(SheetContent.TITLE, flow.width(), TITLE_SIZE);
    flow.columns(TITLE_SIZE, List.of(new Column(flow.left(), lines)));
    flow.skip(lineHeight(BODY_SIZE));
  }

  /**
   * The width of the widest label, so that no label wraps: a wrapped label would interleave with
   * the value's lines when the text is read back, cutting a fingerprint in two.
   */
  private static float labelWidth(PageFlow flow, List<SheetSection> sections) {
    double widest =
        sections.stream()
            .flatMap(section -> section.items().stream())
            .filter(Field.class::isInstance)
            .mapToDouble(item -> flow.textWidth(labelText((Field) item), BODY_SIZE))
            .max()
            .orElse(0);
    return (float) Math.min(Math.ceil(widest) + 1, flow.width() * MAX_LABEL_SHARE);
  }

  private static String labelText(Field field) {
    return field.label() + " :";
  }

  private static void section(PageFlow flow, SheetSection section, float labelWidth)
      throws IOException {
    heading(flow, section.title());
    for (SheetItem item : section.items()) {
      if (item instanceof Field field) {
        field(flow, field, labelWidth);
      } else if (item instanceof Statement statement) {
        statement(flow, statement);
      }
    }
  }

  /** The heading, underlined in place of a bold face; kept on the page of its first line. */
  private static void heading(PageFlow flow, String title) throws IOException {
    flow.skip(lineHeight(BODY_SIZE) / 2);
    flow.ensureRoom(lineHeight(HEADING_SIZE) + 2 * lineHeight(BODY_SIZE));
    flow.columns(HEADING_SIZE, List.of(new Column(flow.left(), List.of(title))));
    float underline = flow.y() + 2;
    flow.line(flow.left(), underline, flow.left() + flow.width(), underline);
    flow.skip(3);
  }

  private static void field(PageFlow flow, Field field, float labelWidth) throws IOException {
    float valueX = flow.left() + labelWidth + GUTTER;
    float valueWidth = flow.width() - labelWidth - GUTTER;
    List<String> label = flow.wrap(labelText(field), labelWidth, BODY_SIZE);
    List<String> value = flow.wrap(field.value(), valueWidth, BODY_SIZE);
    flow.columns(BODY_SIZE, List.of(new Column(flow.left(), label), new Column(valueX, value)));
  }

  private static void statement(PageFlow flow, Statement statement) throws IOException {
    float textX = flow.left() + BULLET_INDENT;
    List<String> lines = flow.wrap(statement.text(), flow.width() - BULLET_INDENT, BODY_SIZE);
    flow.columns(
        BODY_SIZE, List.of(new Column(flow.left() + 2, List.of("•")), new Column(textX, lines)));
    flow.skip(2);
  }

  /**
   * The boxes side by side, drawn on one page, each tall enough for its text and a signature.
   *
   * @return each box's blank space below its text, where its signer's signature goes
   */
  private static Map<Signer, SignatureArea> signatures(PageFlow flow, List<SignatureBox> boxes)
      throws IOException {
    heading(flow, "Signatures");
    float gap = 2 * GUTTER;
    float boxWidth = (flow.width() - gap * (boxes.size() - 1)) / boxes.size();
    List<List<String>> texts = new ArrayList<>();
    for (SignatureBox box : boxes) {
      texts.add(boxText(flow, box, boxWidth - 2 * GUTTER));
    }
    int rows = texts.stream().mapToInt(List::size).max().orElse(0);
    float height = rows * lineHeight(BODY_SIZE) + SIGNATURE_SPACE + GUTTER;
    flow.ensureRoom(height + GUTTER);
    flow.skip(GUTTER);
    float top = flow.y();
    List<Column> columns = new ArrayList<>();
    Map<Signer, SignatureArea> areas = new EnumMap<>(Signer.class);
    for (int i = 0; i < boxes.size(); i++) {
      float x = flow.left() + i * (boxWidth + gap);
      flow.rectangle(x, top - height, boxWidth, height);
      columns.add(new Column(x + GUTTER, texts.get(i)));
      areas.put(
          boxes.get(i).party(),
          new SignatureArea(
              flow.pageIndex(),
              x + GUTTER,
              top - height + GUTTER / 2,
              boxWidth - 2 * GUTTER,
              SIGNATURE_SPACE));
    }
    flow.skip(GUTTER / 2);
    flow.columns(BODY_SIZE, columns);
    flow.skip(flow.y() - (top - height));
    return areas;
  }

  private static List<String> boxText(PageFlow flow, SignatureBox box, float width) {
    List<String> lines = new ArrayList<>();
    lines.addAll(flow.wrap(box.role(), width, BODY_SIZE));
    lines.addAll(flow.wrap(FrenchFormat.text(box.signer()), width, BODY_SIZE));
    lines.addAll(flow.wrap("Fait à " + box.place() + ", le " + box.date(), width, BODY_SIZE));
    lines.add("Signature :");
    return lines;
  }

  /**
   * When the sheet was produced, to the second: the information dictionary and the XMP metadata
   * must state the same dates, and a PDF date has no fraction of a second.
   */
  private static Calendar documentTime(InterventionSheet sheet) {
    ZonedDateTime time = sheet.producedAt() != null ? sheet.producedAt() : ZonedDateTime.now();
    return GregorianCalendar.from(time.truncatedTo(ChronoUnit.SECONDS));
  }

  private static void describe(PDDocument document, InterventionSheet sheet, Calendar time) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(SheetContent.TITLE);
    info.setSubject(
        "Enregistrement en face à face, dossier "
            + FrenchFormat.text(sheet.enrollment().dossier().id())
            + ", fiche "
            + FrenchFormat.text(sheet.sheetId()));
    info.setAuthor(sheet.enrollment().meeting().officer().name());
    info.setCreator(CREATOR);
    info.setProducer(PRODUCER);
    info.setCreationDate(time);
    info.setModificationDate(time);
    document.getDocumentCatalog().setLanguage("fr-FR");
  }
}
