package fr.aed.station.app.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The certificate installed on the holder's card, added to the signed sheet as a new revision: the
 * certificate embedded, and a page appended that says what it is (holder, issuer, validity,
 * fingerprint, card), in an incremental update that leaves the earlier signatures over their own
 * revisions. The officer then signs the new revision, at the foot of that page.
 */
public final class CertificateSheetRevision {

  private static final float SIGNATURE_HEIGHT = 60;
  private static final float SIGNATURE_WIDTH = 220;
  private static final float TITLE_SIZE = 13;

  private CertificateSheetRevision() {}

  /**
   * The revision and where the officer's signature over it shows.
   *
   * @param pdf the sheet with the certificate's page, the earlier revisions unchanged
   * @param officerArea the space for the officer's signature, on the appended page
   */
  public record Revision(byte[] pdf, SignatureArea officerArea) {}

  /**
   * Appends the certificate's page to the signed sheet.
   *
   * @param signedSheet the sheet as last signed
   * @param certificate the certificate, embedded as a file of the sheet
   * @param lines what the page says, line after line (the first is its title)
   * @throws IllegalArgumentException if the sheet is not signed
   * @throws IOException if the sheet cannot be read or the revision written
   */
  public static Revision append(
      byte[] signedSheet, SheetAttachment certificate, List<String> lines, ZonedDateTime at)
      throws IOException {
    try (PDDocument document = Loader.loadPDF(signedSheet)) {
      if (document.getSignatureDictionaries().isEmpty()) {
        throw new IllegalArgumentException("the sheet is not signed: no revision is added to it");
      }
      EmbeddedAttachments.add(document, certificate, GregorianCalendar.from(at));
      try (PageFlow flow = new PageFlow(document, PageFlow.loadFont(document))) {
        write(flow, lines);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(signedSheet.length * 2);
      document.saveIncremental(out);
      return new Revision(out.toByteArray(), officerArea(document.getNumberOfPages() - 1));
    }
  }

  private static void write(PageFlow flow, List<String> lines) throws IOException {
    float y = flow.y();
    boolean title = true;
    for (String line : lines) {
      float size = title ? TITLE_SIZE : PageFlow.BODY_SIZE;
      for (String fitted : flow.wrap(line, flow.width(), size)) {
        y -= PageFlow.lineHeight(size);
        flow.text(flow.left(), y, size, fitted);
      }
      y -= title ? PageFlow.lineHeight(PageFlow.BODY_SIZE) : 0;
      title = false;
    }
  }

  private static SignatureArea officerArea(int pageIndex) {
    float x = PDRectangle.A4.getWidth() - PageFlow.MARGIN - SIGNATURE_WIDTH;
    return new SignatureArea(pageIndex, x, PageFlow.MARGIN, SIGNATURE_WIDTH, SIGNATURE_HEIGHT);
  }
}
