package fr.aed.station.app.sheet;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Makes a document PDF/A-3b (ISO 19005-3, level B): XMP metadata that claims it and repeats the
 * document information dictionary entry for entry (6.6.3), and an sRGB output intent for the device
 * colours the page content uses (6.2.3). Fonts are embedded by {@link PageFlow}.
 */
final class ArchiveProfile {

  static final int PART = 3;
  static final String CONFORMANCE = "B";
  private static final String SRGB = "sRGB IEC61966-2.1";

  private ArchiveProfile() {}

  /**
   * Adds the metadata and the output intent; call once the information dictionary is complete.
   *
   * @throws IOException if the metadata or the colour profile cannot be written
   */
  static void apply(PDDocument document) throws IOException {
    document.setVersion(1.7f);
    PDMetadata metadata = new PDMetadata(document);
    try (OutputStream out = metadata.createOutputStream()) {
      new XmpSerializer().serialize(metadataOf(document.getDocumentInformation()), out, true);
    } catch (javax.xml.transform.TransformerException e) {
      throw new IOException("cannot serialize the XMP metadata", e);
    }
    document.getDocumentCatalog().setMetadata(metadata);
    document.getDocumentCatalog().addOutputIntent(srgbIntent(document));
  }

  /** The XMP twin of the information dictionary, with the PDF/A identification. */
  static XMPMetadata metadataOf(PDDocumentInformation info) {
    XMPMetadata xmp = XMPMetadata.createXMPMetadata();
    PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
    pdfa.setPart(PART);
    try {
      pdfa.setConformance(CONFORMANCE);
    } catch (BadFieldValueException e) {
      throw new IllegalStateException("B is a PDF/A conformance level", e);
    }
    DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
    dc.setTitle(info.getTitle());
    dc.addCreator(info.getAuthor());
    dc.setDescription(info.getSubject());
    XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
    basic.setCreatorTool(info.getCreator());
    basic.setCreateDate(info.getCreationDate());
    basic.setModifyDate(info.getModificationDate());
    AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
    pdf.setProducer(info.getProducer());
    return xmp;
  }

  private static PDOutputIntent srgbIntent(PDDocument document) throws IOException {
    byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(profile));
    intent.setInfo(SRGB);
    intent.setOutputCondition(SRGB);
    intent.setOutputConditionIdentifier(SRGB);
    intent.setRegistryName("http://www.color.org");
    return intent;
  }
}
