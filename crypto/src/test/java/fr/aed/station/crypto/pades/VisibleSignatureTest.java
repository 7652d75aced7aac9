package fr.aed.station.crypto.pades;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.crypto.SoftwareDeviceKey;
import fr.aed.station.crypto.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A signature shown on the page: its widget, appearance and text, the PDF still PDF/A. */
class VisibleSignatureTest {

  private static final SignatureAppearance APPEARANCE =
      new SignatureAppearance(
          0,
          300,
          100,
          200,
          60,
          List.of("Maître François Gérard", "Le 14/04/2025 10:30", "Signé électroniquement"));

  @TempDir Path dir;

  @Test
  void theSignatureShowsItsLinesInItsRectangleAndStaysPdfA3bAndValid() throws Exception {
    byte[] signed = sign(PdfA3Sample.create());
    try (PDDocument document = Loader.loadPDF(signed)) {
      PDAnnotationWidget widget = signatureWidget(document);
      PDRectangle rect = widget.getRectangle();
      assertEquals(300, rect.getLowerLeftX(), 0.01);
      assertEquals(100, rect.getLowerLeftY(), 0.01);
      assertEquals(200, rect.getWidth(), 0.01);
      assertEquals(60, rect.getHeight(), 0.01);
      PDAppearanceStream normal =
          widget.getAppearance().getNormalAppearance().getAppearanceStream();
      assertTrue(normal.getContentStream().toByteArray().length > 0);
      assertTrue(widget.isPrinted());
      assertEquals(APPEARANCE.lines(), AppearanceText.lines(normal));
    }
    assertTrue(new PadesVerifier().verify(signed).valid());
    assertEquals("PDF/A-3B compliant", ArchiveConformance.check(signed).summary());
    String pdfsig = Pdfsig.report(Files.write(dir.resolve("visible.pdf"), signed));
    assertTrue(pdfsig.contains(Pdfsig.VALID), pdfsig);
  }

  @Test
  void aPageThePdfLacksIsRefused() throws Exception {
    SignatureAppearance beyond = new SignatureAppearance(5, 10, 10, 100, 40, List.of("x"));
    SoftwareDeviceKey key = SoftwareDeviceKey.ec("secp256r1");
    X509Certificate certificate =
        TestCertificates.selfSigned(key, "Visible", SignedSample.SIGNING_TIME.toInstant());
    byte[] pdf = PdfA3Sample.create();
    assertThrows(
        SheetSigningException.class,
        () ->
            new PadesSigner()
                .sign(
                    pdf,
                    key,
                    List.of(certificate),
                    SignedSample.DETAILS,
                    Optional.empty(),
                    Optional.of(beyond)));
  }

  private static byte[] sign(byte[] pdf) throws Exception {
    SoftwareDeviceKey key = SoftwareDeviceKey.ec("secp256r1");
    X509Certificate certificate =
        TestCertificates.selfSigned(key, "Visible", SignedSample.SIGNING_TIME.toInstant());
    return new PadesSigner()
        .sign(
            pdf,
            key,
            List.of(certificate),
            SignedSample.DETAILS,
            Optional.empty(),
            Optional.of(APPEARANCE));
  }

  private static PDAnnotationWidget signatureWidget(PDDocument document) throws Exception {
    for (PDAnnotation annotation : document.getPage(0).getAnnotations()) {
      if (annotation instanceof PDAnnotationWidget widget) {
        return widget;
      }
    }
    throw new AssertionError("no widget on the first page");
  }
}
