package fr.aed.station.app.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The holder's handwritten signature, when the sheet was printed, signed by hand and scanned back:
 * the scan is attached inside the sheet before the officer signs it electronically.
 */
public final class HolderSignatureScan {

  /** The largest scan accepted, in bytes. */
  public static final int MAX_SIZE = 20 * 1024 * 1024;

  private static final Map<String, String> TYPES =
      Map.of(
          "pdf", "application/pdf",
          "png", "image/png",
          "jpg", "image/jpeg",
          "jpeg", "image/jpeg",
          "tif", "image/tiff",
          "tiff", "image/tiff");

  private HolderSignatureScan() {}

  /**
   * The sheet with the scan attached, its pages and other files unchanged.
   *
   * @param sheet the unsigned sheet
   * @param fileName the scan's file name; its extension gives its type (pdf, png, jpg, tiff)
   * @param scan the scan's bytes
   * @throws IllegalArgumentException if the type is not one of those, the scan is empty or larger
   *     than {@link #MAX_SIZE}, or a file of that name is attached already
   * @throws IOException if the sheet cannot be read or written
   */
  public static byte[] attach(byte[] sheet, String fileName, byte[] scan, ZonedDateTime at)
      throws IOException {
    String mimeType = mimeType(fileName);
    if (scan.length == 0 || scan.length > MAX_SIZE) {
      throw new IllegalArgumentException(
          "the scan must hold between 1 byte and " + MAX_SIZE / (1024 * 1024) + " MiB");
    }
    try (PDDocument document = Loader.loadPDF(sheet)) {
      EmbeddedAttachments.add(
          document,
          new SheetAttachment(
              "signature-titulaire-" + fileName,
              mimeType,
              "Fiche signée à la main par le titulaire, numérisée",
              scan),
          GregorianCalendar.from(at));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private static String mimeType(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    String type = TYPES.get(extension);
    if (type == null) {
      throw new IllegalArgumentException(
          "the scan " + fileName + " must be a PDF, PNG, JPEG or TIFF file");
    }
    return type;
  }
}
