package fr.aed.station.app.sheet;

import java.io.IOException;
import java.util.Calendar;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Where the renderer drew the signature boxes, kept inside the sheet so that whoever signs later
 * (the holder's drawing, the officer's visible signature) finds the box the renderer laid out
 * instead of computing it again: the page's private data (ISO 32000-1, 14.5 page-piece
 * dictionaries), which PDF/A allows and viewers ignore.
 */
public final class SignatureAreas {

  private static final COSName APPLICATION = COSName.getPDFName("AEDStationSignatureBoxes");

  private static final COSName PIECE_INFO = COSName.getPDFName("PieceInfo");
  private static final COSName LAST_MODIFIED = COSName.getPDFName("LastModified");
  private static final COSName PRIVATE = COSName.getPDFName("Private");

  private SignatureAreas() {}

  /** Records the areas in the pages they are on, dated {@code time}. */
  static void record(PDDocument document, Map<Signer, SignatureArea> areas, Calendar time) {
    for (Map.Entry<Signer, SignatureArea> entry : areas.entrySet()) {
      SignatureArea area = entry.getValue();
      PDPage page = document.getPage(area.pageIndex());
      COSDictionary pieces = page.getCOSObject().getCOSDictionary(PIECE_INFO);
      if (pieces == null) {
        pieces = new COSDictionary();
        page.getCOSObject().setItem(PIECE_INFO, pieces);
      }
      COSDictionary data = pieces.getCOSDictionary(APPLICATION);
      if (data == null) {
        data = new COSDictionary();
        data.setItem(PRIVATE, new COSDictionary());
        pieces.setItem(APPLICATION, data);
      }
      data.setDate(LAST_MODIFIED, time);
      page.getCOSObject().setDate(LAST_MODIFIED, time);
      data.getCOSDictionary(PRIVATE).setItem(entry.getKey().key(), rectangle(area));
    }
  }

  /**
   * The signer's area as the renderer recorded it.
   *
   * @return empty if the document has none (a sheet made before the boxes were recorded)
   */
  public static Optional<SignatureArea> find(PDDocument document, Signer signer) {
    for (int i = 0; i < document.getNumberOfPages(); i++) {
      COSArray rectangle = recorded(document.getPage(i), signer);
      if (rectangle != null && rectangle.size() == 4) {
        float[] v = rectangle.toFloatArray();
        return Optional.of(new SignatureArea(i, v[0], v[1], v[2], v[3]));
      }
    }
    return Optional.empty();
  }

  /**
   * The signer's area in the PDF's bytes.
   *
   * @throws IOException if the PDF cannot be read
   */
  public static Optional<SignatureArea> find(byte[] pdf, Signer signer) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return find(document, signer);
    }
  }

  private static COSArray recorded(PDPage page, Signer signer) {
    COSDictionary pieces = page.getCOSObject().getCOSDictionary(PIECE_INFO);
    COSDictionary data = pieces == null ? null : pieces.getCOSDictionary(APPLICATION);
    COSDictionary values = data == null ? null : data.getCOSDictionary(PRIVATE);
    return values == null ? null : values.getCOSArray(COSName.getPDFName(signer.key()));
  }

  private static COSArray rectangle(SignatureArea area) {
    COSArray array = new COSArray();
    for (float value : new float[] {area.x(), area.y(), area.width(), area.height()}) {
      array.add(new COSFloat(value));
    }
    return array;
  }
}
