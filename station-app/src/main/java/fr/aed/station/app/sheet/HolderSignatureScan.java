package fr.aed.station.app.sheet;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The holder's handwritten signature, when the sheet was printed, signed by hand and scanned back:
 * the scan is attached inside the sheet before the officer signs it electronically. One scan per
 * sheet: attaching another replaces it. Only what the scan claims to be goes in: an image's pixels
 * written again in its format, a PDF's pages drawn again as images (issue 14, item 7).
 */
public final class HolderSignatureScan {

  /** The attachment names of the holder's scans start with this. */
  public static final String NAME_PREFIX = "signature-titulaire-";

  private static final String DESCRIPTION = "Fiche signée à la main par le titulaire, numérisée";

  private HolderSignatureScan() {}

  /**
   * The scan as it will be attached: its type told by its content, which its name must agree with,
   * its pages checked for size and decoded, then written again.
   *
   * @param fileName the scan's file name; its extension must say its type (pdf, png, jpg, tif)
   * @param scan the scan's bytes, as {@link ScanFile#read} gives them
   * @throws ScanRefusedException if the name is not acceptable, the content is not a PDF, PNG, JPEG
   *     or TIFF scan, or not the one the name says, or it cannot be read safely
   */
  public static SheetAttachment prepare(String fileName, byte[] scan) throws ScanRefusedException {
    if (!ScanName.acceptable(fileName)) {
      throw new ScanRefusedException(
          "the scan's file name must be printable and at most "
              + ScanName.MAX_LENGTH
              + " characters long: rename it");
    }
    ScanType named =
        ScanType.ofName(fileName)
            .orElseThrow(
                () ->
                    new ScanRefusedException(
                        "the scan "
                            + fileName
                            + " must be a PDF, PNG, JPEG or TIFF file (.pdf, .png, .jpg, .tif)"));
    ScanType found =
        ScanType.ofContent(scan)
            .orElseThrow(
                () ->
                    new ScanRefusedException(
                        "the scan "
                            + fileName
                            + " is not "
                            + named.description()
                            + ": its content is none of PDF, PNG, JPEG or TIFF"));
    if (found != named) {
      throw new ScanRefusedException(
          "the scan "
              + fileName
              + " holds "
              + found.description()
              + ", not "
              + named.description()
              + ": name it ."
              + found.extension()
              + " if it is the scan");
    }
    byte[] content =
        found == ScanType.PDF
            ? ScanPdf.redraw(scan, fileName)
            : ScanImages.rewrite(found, scan, fileName);
    return new SheetAttachment(NAME_PREFIX + fileName, found.mimeType(), DESCRIPTION, content);
  }

  /**
   * The sheet with the scan attached in place of any earlier one, and drawn (its first page) in the
   * holder's signature box; its other pages and files unchanged.
   *
   * @param sheet the unsigned sheet
   * @param scan the scan, from {@link #prepare}
   * @throws IllegalArgumentException if the sheet is signed already, or the scan is not named as
   *     {@link #prepare} names it
   * @throws IOException if the sheet cannot be read or written
   */
  public static byte[] attach(byte[] sheet, SheetAttachment scan, ZonedDateTime at)
      throws IOException {
    if (!scan.fileName().startsWith(NAME_PREFIX)) {
      throw new IllegalArgumentException("not a holder's scan: " + scan.fileName());
    }
    try (PDDocument document = Loader.loadPDF(sheet)) {
      if (!document.getSignatureDictionaries().isEmpty()) {
        throw new IllegalArgumentException(
            "the sheet is signed already: the holder's scan goes in before the officer signs");
      }
      EmbeddedAttachments.remove(document, name -> name.startsWith(NAME_PREFIX));
      EmbeddedAttachments.add(document, scan, GregorianCalendar.from(at));
      List<BufferedImage> pages = ScanPictures.pages(scan);
      if (!pages.isEmpty()) {
        HolderSignatureStamp.place(document, pages.get(0));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }
}
