package fr.aed.station.app.sheet;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * PDF scans are not embedded as given: their pages are drawn as images at {@link #DPI} and those
 * images make a new PDF, so that no action, script, form, embedded file or signature of the given
 * file reaches the sheet.
 */
final class ScanPdf {

  /** The resolution the pages are drawn at: a handwritten signature stays legible. */
  static final float DPI = 200;

  private static final float POINTS_PER_INCH = 72;
  private static final float JPEG_QUALITY = 0.9f;
  private static final COSName DOC_TIME_STAMP = COSName.getPDFName("DocTimeStamp");

  private ScanPdf() {}

  /**
   * The scan's pages, drawn again as images in a new PDF.
   *
   * @throws ScanRefusedException if the PDF cannot be read, is encrypted, is signed, has no page or
   *     more than {@link ScanImages#MAX_PAGES}, a page or an image in it is too large, or a page
   *     cannot be drawn
   */
  static byte[] redraw(byte[] content, String name) throws ScanRefusedException {
    try (PDDocument scan = load(content, name)) {
      check(scan, name);
      return drawn(scan, name);
    } catch (IOException e) {
      throw new ScanRefusedException(
          "cannot read the PDF " + name + " once opened: " + e.getMessage(), e);
    }
  }

  private static PDDocument load(byte[] content, String name) throws ScanRefusedException {
    PDDocument document;
    try {
      document = Loader.loadPDF(content);
    } catch (InvalidPasswordException e) {
      throw encrypted(name, e);
    } catch (IOException | RuntimeException e) {
      throw new ScanRefusedException(
          "the PDF " + name + " cannot be read (damaged or not a PDF): scan it again", e);
    }
    if (document.isEncrypted()) {
      try {
        document.close();
      } catch (IOException e) {
        // Nothing was written to it; the refusal says what matters.
      }
      throw encrypted(name, null);
    }
    return document;
  }

  private static ScanRefusedException encrypted(String name, Exception cause) {
    return new ScanRefusedException(
        "the PDF " + name + " is encrypted (password-protected): scan the sheet without a password",
        cause);
  }

  private static void check(PDDocument scan, String name) throws IOException, ScanRefusedException {
    // A signed sheet is told as such, whatever else is wrong with it.
    if (!scan.getSignatureFields().isEmpty()) {
      throw signedSheet(name);
    }
    checkObjects(scan.getDocument(), name);
    int pages = scan.getNumberOfPages();
    if (pages == 0) {
      throw new ScanRefusedException("the PDF " + name + " has no page");
    }
    if (pages > ScanImages.MAX_PAGES) {
      throw new ScanRefusedException(
          "the PDF "
              + name
              + " has "
              + pages
              + " pages, more than "
              + ScanImages.MAX_PAGES
              + ": attach the signed sheet only");
    }
    for (int page = 0; page < pages; page++) {
      PDRectangle box = scan.getPage(page).getCropBox();
      ScanImages.checkDimensions(
          name,
          "page " + (page + 1) + " drawn at " + (int) DPI + " DPI",
          pixels(box.getWidth()),
          pixels(box.getHeight()));
    }
  }

  // Every object of the file, not only those the pages use: a signature dictionary is refused
  // wherever it is, and no image is decoded before its declared size is known to be acceptable.
  private static void checkObjects(COSDocument document, String name)
      throws IOException, ScanRefusedException {
    for (COSObjectKey key : document.getXrefTable().keySet()) {
      COSBase object = document.getObjectFromPool(key).getObject();
      if (!(object instanceof COSDictionary dictionary)) {
        continue;
      }
      COSName type = dictionary.getCOSName(COSName.TYPE);
      if (COSName.SIG.equals(type)
          || DOC_TIME_STAMP.equals(type)
          || COSName.SIG.equals(dictionary.getCOSName(COSName.FT))) {
        throw signedSheet(name);
      }
      if (object instanceof COSStream stream
          && COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
        int width = stream.getInt(COSName.WIDTH);
        int height = stream.getInt(COSName.HEIGHT);
        // An image without a size cannot be decoded at all: drawing the page skips or refuses it.
        if (width > 0 && height > 0) {
          ScanImages.checkDimensions(name, "an image inside", width, height);
        }
      }
    }
  }

  private static ScanRefusedException signedSheet(String name) {
    return new ScanRefusedException(
        "the PDF "
            + name
            + " is a signed sheet, not a scan: attach the scan of the printed sheet the holder"
            + " signed by hand");
  }

  private static byte[] drawn(PDDocument scan, String name)
      throws IOException, ScanRefusedException {
    PDFRenderer renderer = new PDFRenderer(scan);
    // Images larger than the drawn page are read at the page's resolution, not in full.
    renderer.setSubsamplingAllowed(true);
    try (PDDocument redrawn = new PDDocument()) {
      for (int page = 0; page < scan.getNumberOfPages(); page++) {
        BufferedImage image;
        try {
          image = renderer.renderImageWithDPI(page, DPI, ImageType.RGB);
        } catch (IOException | RuntimeException e) {
          throw new ScanRefusedException(
              "page " + (page + 1) + " of the PDF " + name + " cannot be drawn: scan it again", e);
        }
        addPage(redrawn, image);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      redrawn.save(out);
      return out.toByteArray();
    }
  }

  private static void addPage(PDDocument document, BufferedImage image) throws IOException {
    float width = image.getWidth() * POINTS_PER_INCH / DPI;
    float height = image.getHeight() * POINTS_PER_INCH / DPI;
    PDPage page = new PDPage(new PDRectangle(width, height));
    document.addPage(page);
    PDImageXObject picture = JPEGFactory.createFromImage(document, image, JPEG_QUALITY);
    try (PDPageContentStream content = new PDPageContentStream(document, page)) {
      content.drawImage(picture, 0, 0, width, height);
    }
  }

  private static long pixels(float points) {
    return (long) Math.ceil(points / POINTS_PER_INCH * DPI);
  }
}
