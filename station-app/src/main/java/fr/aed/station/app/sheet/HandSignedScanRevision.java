package fr.aed.station.app.sheet;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The holder's hand-signed scan added to a sheet the officer signed already, as a new revision: the
 * scan embedded as the scan attached before signing is, and its pages drawn on pages appended to
 * the sheet, in an incremental update, so that the officer's first signature still covers the
 * revision it signed. The officer then signs the new revision, in the space left at the foot of the
 * last appended page.
 */
public final class HandSignedScanRevision {

  /** The foot of the last scan page, left for the officer's signature over the revision. */
  private static final float SIGNATURE_HEIGHT = 60;

  private static final float SIGNATURE_WIDTH = 220;
  private static final float MARGIN = 36;
  private static final float DPI = 150;
  private static final float JPEG_QUALITY = 0.85f;

  private HandSignedScanRevision() {}

  /**
   * The revision and where the officer's signature over it shows.
   *
   * @param pdf the sheet with the scan, the earlier revisions unchanged
   * @param officerArea the space for the officer's signature, on the last appended page
   */
  public record Revision(byte[] pdf, SignatureArea officerArea) {}

  /**
   * Appends the scan to the signed sheet.
   *
   * @param signedSheet the sheet as the officer signed it at the meeting
   * @param scan the scan, from {@link HolderSignatureScan#prepare}
   * @throws IllegalArgumentException if the sheet is not signed, or already holds the holder's
   *     signature (drawn on screen or scanned)
   * @throws IOException if the sheet or the scan cannot be read, or the revision written
   */
  public static Revision append(byte[] signedSheet, SheetAttachment scan, ZonedDateTime at)
      throws IOException {
    try (PDDocument document = Loader.loadPDF(signedSheet)) {
      if (document.getSignatureDictionaries().isEmpty()) {
        throw new IllegalArgumentException(
            "the sheet is not signed yet: attach the scan before the officer signs");
      }
      if (holdsHolderSignature(document)) {
        throw new IllegalArgumentException(
            "the sheet already holds the holder's signature (drawn on screen or scanned):"
                + " no other scan can be added");
      }
      EmbeddedAttachments.add(document, scan, GregorianCalendar.from(at));
      List<BufferedImage> pages = ScanPictures.pages(scan);
      if (pages.isEmpty()) {
        throw new IOException("the scan has no page to show");
      }
      for (int i = 0; i < pages.size(); i++) {
        appendPage(document, pages.get(i), i == pages.size() - 1);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(signedSheet.length * 2);
      document.saveIncremental(out);
      return new Revision(out.toByteArray(), officerArea(document.getNumberOfPages() - 1));
    }
  }

  /** Whether a holder's drawing or scan is inside the sheet. */
  static boolean holdsHolderSignature(PDDocument document) throws IOException {
    return EmbeddedAttachments.read(document).keySet().stream()
        .anyMatch(name -> name.startsWith(HolderSignatureScan.NAME_PREFIX));
  }

  private static void appendPage(PDDocument document, BufferedImage picture, boolean last)
      throws IOException {
    PDRectangle size = PDRectangle.A4;
    PDPage page = new PDPage(size);
    document.addPage(page);
    float bottom = MARGIN + (last ? SIGNATURE_HEIGHT + MARGIN / 2 : 0);
    float width = size.getWidth() - 2 * MARGIN;
    float height = size.getHeight() - MARGIN - bottom;
    BufferedImage rgb =
        ScanPictures.opaque(picture, Math.round(width * DPI / 72), Math.round(height * DPI / 72));
    PDImageXObject image = JPEGFactory.createFromImage(document, rgb, JPEG_QUALITY);
    float scale = Math.min(width / rgb.getWidth(), height / rgb.getHeight());
    float w = rgb.getWidth() * scale;
    float h = rgb.getHeight() * scale;
    try (PDPageContentStream content = new PDPageContentStream(document, page)) {
      content.drawImage(image, MARGIN + (width - w) / 2, bottom + (height - h) / 2, w, h);
    }
  }

  private static SignatureArea officerArea(int pageIndex) {
    float x = PDRectangle.A4.getWidth() - MARGIN - SIGNATURE_WIDTH;
    return new SignatureArea(pageIndex, x, MARGIN, SIGNATURE_WIDTH, SIGNATURE_HEIGHT);
  }
}
