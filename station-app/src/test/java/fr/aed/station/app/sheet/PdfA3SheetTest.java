package fr.aed.station.app.sheet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.crypto.pades.ArchiveConformance;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;

/** The sheet is archived for years: veraPDF, the reference validator, must find it PDF/A-3b. */
class PdfA3SheetTest {

  static final SheetAttachment CSR =
      new SheetAttachment(
          "demande.csr.pem",
          "application/pkcs10",
          "Demande de certificat (PKCS#10)",
          ("-----BEGIN CERTIFICATE REQUEST-----\nMIIBdTCCARsCAQAw\n"
                  + "-----END CERTIFICATE REQUEST-----\n")
              .getBytes(StandardCharsets.US_ASCII));
  static final SheetAttachment MANIFEST =
      new SheetAttachment(
          "manifeste.json",
          "application/json",
          "Empreintes des pièces du dossier",
          "{\"dossier\":\"D-2025-000417\",\"pièces\":[]}".getBytes(StandardCharsets.UTF_8));

  private final PdfSheetRenderer renderer = new PdfSheetRenderer();

  @Test
  void veraPdfFindsTheSheetCompliantPdfA3b() throws Exception {
    assertEquals(
        "PDF/A-3B compliant",
        ArchiveConformance.check(renderer.render(SampleSheets.sheet())).summary());
  }

  @Test
  void veraPdfFindsTheSheetWithAttachmentsCompliantPdfA3b() throws Exception {
    byte[] pdf = renderer.render(SampleSheets.sheet(), List.of(CSR, MANIFEST));
    assertEquals("PDF/A-3B compliant", ArchiveConformance.check(pdf).summary());
  }

  @Test
  void veraPdfWouldNoticeAMissingOutputIntent() throws Exception {
    byte[] stripped;
    try (PDDocument document = Loader.loadPDF(renderer.render(SampleSheets.sheet()))) {
      document.getDocumentCatalog().getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
      var out = new java.io.ByteArrayOutputStream();
      document.save(out);
      stripped = out.toByteArray();
    }
    String verdict = ArchiveConformance.check(stripped).summary();
    assertTrue(verdict.startsWith("PDF/A-3B not compliant"), verdict);
  }

  @Test
  void theAttachmentsReadBackAsGivenAndAreAssociatedWithTheDocument() throws Exception {
    byte[] pdf = renderer.render(SampleSheets.sheet(), List.of(CSR, MANIFEST));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDDocumentCatalog catalog = document.getDocumentCatalog();
      Map<String, PDComplexFileSpecification> files =
          catalog.getNames().getEmbeddedFiles().getNames();
      assertEquals(2, files.size());
      for (SheetAttachment attachment : List.of(CSR, MANIFEST)) {
        PDComplexFileSpecification specification = files.get(attachment.fileName());
        PDEmbeddedFile file = specification.getEmbeddedFileUnicode();
        assertArrayEquals(attachment.content(), file.toByteArray());
        assertEquals(attachment.mimeType(), file.getSubtype());
        assertEquals(attachment.description(), specification.getFileDescription());
        assertEquals("Data", specification.getCOSObject().getNameAsString("AFRelationship"));
        assertNotNull(file.getModDate());
      }
      COSArray associated = catalog.getCOSObject().getCOSArray(COSName.AF);
      assertEquals(2, associated.size());
    }
  }

  @Test
  void theXmpMetadataRepeatsTheDocumentInformation() throws Exception {
    try (PDDocument document = Loader.loadPDF(renderer.render(SampleSheets.sheet()))) {
      XMPMetadata xmp =
          new DomXmpParser().parse(document.getDocumentCatalog().getMetadata().toByteArray());
      var info = document.getDocumentInformation();
      assertEquals(3, xmp.getPDFAIdentificationSchema().getPart());
      assertEquals("B", xmp.getPDFAIdentificationSchema().getConformance());
      assertEquals(info.getTitle(), xmp.getDublinCoreSchema().getTitle());
      assertEquals(List.of(info.getAuthor()), xmp.getDublinCoreSchema().getCreators());
      assertEquals(info.getSubject(), xmp.getDublinCoreSchema().getDescription());
      assertEquals(info.getProducer(), xmp.getAdobePDFSchema().getProducer());
      assertEquals(
          info.getCreationDate().toInstant(), xmp.getXMPBasicSchema().getCreateDate().toInstant());
      assertNotNull(document.getDocument().getDocumentID(), "trailer /ID");
    }
  }

  @Test
  void refusesTwoAttachmentsWithTheSameName() {
    assertThrows(
        IllegalArgumentException.class,
        () -> renderer.render(SampleSheets.sheet(), List.of(CSR, CSR)));
  }

  @Test
  void refusesAMediaTypeWithoutSubtype() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SheetAttachment("a.txt", "text", null, new byte[0]));
  }
}
