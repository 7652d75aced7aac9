package fr.aed.station.app.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.crypto.pades.ArchiveConformance;
import fr.aed.station.crypto.pades.PadesSigner;
import fr.aed.station.crypto.pades.PadesVerifier;
import fr.aed.station.crypto.pades.SignatureDetails;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.Test;

/**
 * The signatures show on the sheet: the holder's drawing and the officer's signature, each in its
 * box.
 */
class VisibleSignaturesTest {

  private static final String OFFICER = "Maître François Gérard";

  @Test
  void theHoldersDrawingAndTheOfficersSignatureShowInTheirBoxesAndTheSheetStaysValid()
      throws Exception {
    InterventionSheet sheet = SampleSheets.sheet();
    byte[] drawn =
        HolderSignatureScan.attach(rendered(), drawing("tracee.png"), sheet.producedAt());
    byte[] signed = officerSigns(drawn, sheet);

    SignatureArea holder = SignatureAreas.find(signed, Signer.HOLDER).orElseThrow();
    SignatureArea officer = SignatureAreas.find(signed, Signer.OFFICER).orElseThrow();
    try (PDDocument document = Loader.loadPDF(signed)) {
      List<DrawnImages.Placed> images = DrawnImages.on(document.getPage(holder.pageIndex()));
      assertEquals(1, images.size(), images.toString());
      assertTrue(images.get(0).inside(holder), images + " outside " + holder);
      PDAnnotationWidget widget = signatureWidget(document);
      PDRectangle rect = widget.getRectangle();
      assertEquals(document.getPage(officer.pageIndex()), widget.getPage());
      assertTrue(document.getPage(officer.pageIndex()).getAnnotations().contains(widget));
      assertTrue(
          officer.contains(
              rect.getLowerLeftX(), rect.getLowerLeftY(), rect.getWidth(), rect.getHeight()),
          rect + " outside " + officer);
      byte[] appearance =
          widget
              .getAppearance()
              .getNormalAppearance()
              .getAppearanceStream()
              .getContentStream()
              .toByteArray();
      assertTrue(appearance.length > 0);
    }
    assertTrue(new PadesVerifier().verify(signed).valid());
    assertEquals("PDF/A-3B compliant", ArchiveConformance.check(signed).summary());
  }

  @Test
  void theBoxesAreRecordedSideBySideOnOnePage() throws Exception {
    byte[] pdf = rendered();
    SignatureArea holder = SignatureAreas.find(pdf, Signer.HOLDER).orElseThrow();
    SignatureArea officer = SignatureAreas.find(pdf, Signer.OFFICER).orElseThrow();
    assertEquals(holder.pageIndex(), officer.pageIndex());
    assertEquals(holder.y(), officer.y(), 0.01);
    assertTrue(holder.x() + holder.width() < officer.x());
    assertEquals("PDF/A-3B compliant", ArchiveConformance.check(pdf).summary());
  }

  @Test
  void aSecondPictureReplacesTheFirstInTheHoldersBox() throws Exception {
    InterventionSheet sheet = SampleSheets.sheet();
    byte[] once = HolderSignatureScan.attach(rendered(), drawing("une.png"), sheet.producedAt());
    byte[] twice = HolderSignatureScan.attach(once, drawing("deux.png"), sheet.producedAt());
    SignatureArea holder = SignatureAreas.find(twice, Signer.HOLDER).orElseThrow();
    try (PDDocument document = Loader.loadPDF(twice)) {
      PDPage page = document.getPage(holder.pageIndex());
      assertEquals(1, DrawnImages.on(page).size());
      assertEquals(
          List.of(HolderSignatureScan.NAME_PREFIX + "deux.png"),
          EmbeddedAttachments.read(document).keySet().stream()
              .filter(name -> name.startsWith(HolderSignatureScan.NAME_PREFIX))
              .toList());
    }
    assertEquals("PDF/A-3B compliant", ArchiveConformance.check(twice).summary());
  }

  static byte[] rendered() throws Exception {
    return new PdfSheetRenderer()
        .render(SampleSheets.sheet(), List.of(PdfA3SheetTest.CSR, PdfA3SheetTest.MANIFEST));
  }

  /** A stroke on a transparent pad, as the signature pad gives it. */
  static SheetAttachment drawing(String name) throws Exception {
    BufferedImage pad = new BufferedImage(480, 160, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = pad.createGraphics();
    g.setColor(new Color(0x10, 0x20, 0x50));
    g.setStroke(new BasicStroke(3));
    g.drawLine(20, 120, 400, 30);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(pad, "png", png);
    return HolderSignatureScan.prepare(name, png.toByteArray());
  }

  static byte[] officerSigns(byte[] pdf, InterventionSheet sheet) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    return new PadesSigner()
        .sign(
            pdf,
            SignedSheetTest.softwareKey(pair),
            List.of(SignedSheetTest.selfSigned(pair)),
            new SignatureDetails(OFFICER, "Fiche signée", "Lyon", sheet.producedAt()),
            Optional.empty(),
            OfficerSignatureAppearance.inOfficerBox(pdf, OFFICER, sheet.producedAt()));
  }

  private static PDAnnotationWidget signatureWidget(PDDocument document) {
    for (PDField field : document.getDocumentCatalog().getAcroForm().getFields()) {
      if (field instanceof PDSignatureField signature && signature.getSignature() != null) {
        return signature.getWidgets().get(0);
      }
    }
    throw new AssertionError("no signed signature field");
  }
}
