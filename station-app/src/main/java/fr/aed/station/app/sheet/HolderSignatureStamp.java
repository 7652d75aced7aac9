package fr.aed.station.app.sheet;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDFormContentStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Draws the holder's signature (the drawing on the pad, or the scan's first page) in the blank
 * space of the holder's box, as the renderer recorded it. The picture sits in a form XObject of its
 * own name, drawn by one content stream added to the page: a later picture replaces the form, so
 * the page never shows two signatures.
 */
final class HolderSignatureStamp {

  /** The form's name in the page's resources. */
  static final COSName FORM = COSName.getPDFName("SignatureTitulaire");

  // About 300 dots per inch in the box: sharp once printed, small inside the sheet.
  private static final float PIXELS_PER_POINT = 4;

  private HolderSignatureStamp() {}

  /**
   * Draws the picture, fitted and centred, in the holder's box, in place of any earlier one.
   *
   * @return false, leaving the page as it is, when the sheet has no recorded holder's box (a sheet
   *     produced before the boxes were recorded, whose meeting is resumed)
   * @throws IOException if the page cannot be written
   */
  static boolean place(PDDocument document, BufferedImage picture) throws IOException {
    Optional<SignatureArea> found = SignatureAreas.find(document, Signer.HOLDER);
    if (found.isEmpty()) {
      return false;
    }
    SignatureArea area = found.get();
    PDPage page = document.getPage(area.pageIndex());
    PDResources resources = page.getResources();
    boolean drawnBefore =
        resources.getCOSObject().getCOSDictionary(COSName.XOBJECT) != null
            && resources.getCOSObject().getCOSDictionary(COSName.XOBJECT).containsKey(FORM);
    resources.put(FORM, form(document, area, picture));
    page.setResources(resources);
    if (!drawnBefore) {
      addDrawing(document, page, area);
    }
    return true;
  }

  private static PDFormXObject form(PDDocument document, SignatureArea area, BufferedImage picture)
      throws IOException {
    BufferedImage rgb =
        ScanPictures.opaque(
            picture,
            Math.round(area.width() * PIXELS_PER_POINT),
            Math.round(area.height() * PIXELS_PER_POINT));
    PDImageXObject image = LosslessFactory.createFromImage(document, rgb);
    float scale = Math.min(area.width() / rgb.getWidth(), area.height() / rgb.getHeight());
    float width = rgb.getWidth() * scale;
    float height = rgb.getHeight() * scale;
    PDFormXObject form = new PDFormXObject(document);
    form.setBBox(new PDRectangle(area.width(), area.height()));
    form.setResources(new PDResources());
    try (PDFormContentStream content = new PDFormContentStream(form)) {
      content.drawImage(
          image, (area.width() - width) / 2, (area.height() - height) / 2, width, height);
    }
    return form;
  }

  // Appended after the page's content, in its own graphics state.
  private static void addDrawing(PDDocument document, PDPage page, SignatureArea area)
      throws IOException {
    PDStream stream = new PDStream(document);
    try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
      String operators =
          String.format(
              Locale.ROOT, "q 1 0 0 1 %.3f %.3f cm /%s Do Q\n", area.x(), area.y(), FORM.getName());
      out.write(operators.getBytes(StandardCharsets.US_ASCII));
    }
    COSBase contents = page.getCOSObject().getItem(COSName.CONTENTS);
    COSArray array;
    if (page.getCOSObject().getDictionaryObject(COSName.CONTENTS) instanceof COSArray existing) {
      array = existing;
    } else {
      array = new COSArray();
      array.add(contents);
    }
    array.add(stream.getCOSObject());
    page.getCOSObject().setItem(COSName.CONTENTS, array);
  }
}
