package fr.aed.station.crypto.pades;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * A one-page PDF/A-3b document to sign, made here so that the crypto module's tests need not the
 * station's sheet renderer.
 */
final class PdfA3Sample {

  private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final String TITLE = "Fiche d'intervention";

  private PdfA3Sample() {}

  static byte[] create() throws Exception {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      try (InputStream in = PdfA3Sample.class.getResourceAsStream(FONT);
          PDPageContentStream content = new PDPageContentStream(document, page)) {
        PDFont font = PDType0Font.load(document, in, true);
        content.beginText();
        content.setFont(font, 14);
        content.newLineAtOffset(56, 780);
        content.showText(TITLE + " — Élodie Lefèvre-Dubois");
        content.endText();
      }
      Calendar now = GregorianCalendar.getInstance(TimeZone.getTimeZone("Europe/Paris"));
      now.set(Calendar.MILLISECOND, 0);
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(TITLE);
      info.setCreationDate(now);
      info.setModificationDate(now);
      metadata(document, now);
      outputIntent(document);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private static void metadata(PDDocument document, Calendar now) throws Exception {
    XMPMetadata xmp = XMPMetadata.createXMPMetadata();
    PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
    pdfa.setPart(3);
    pdfa.setConformance("B");
    DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
    dc.setTitle(TITLE);
    XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
    basic.setCreateDate(now);
    basic.setModifyDate(now);
    PDMetadata metadata = new PDMetadata(document);
    try (OutputStream out = metadata.createOutputStream()) {
      new XmpSerializer().serialize(xmp, out, true);
    }
    document.getDocumentCatalog().setMetadata(metadata);
  }

  private static void outputIntent(PDDocument document) throws IOException {
    byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(srgb));
    intent.setInfo("sRGB IEC61966-2.1");
    intent.setOutputCondition("sRGB IEC61966-2.1");
    intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
    intent.setRegistryName("http://www.color.org");
    document.getDocumentCatalog().addOutputIntent(intent);
  }
}
