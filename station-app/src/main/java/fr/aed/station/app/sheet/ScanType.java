package fr.aed.station.app.sheet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of scan accepted, told by their first bytes, and the names they may carry. */
enum ScanType {
  PDF("application/pdf", "a PDF document", "pdf", List.of("pdf")),
  PNG("image/png", "a PNG image", "png", List.of("png")),
  JPEG("image/jpeg", "a JPEG image", "jpeg", List.of("jpg", "jpeg")),
  TIFF("image/tiff", "a TIFF image", "tiff", List.of("tif", "tiff"));

  private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  // PNG: ISO/IEC 15948, 5.2; JPEG: SOI then a marker (ITU-T T.81, B.1.1.2); TIFF 6.0, section 2.
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] JPEG_START = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] TIFF_LITTLE_ENDIAN = {'I', 'I', 42, 0};
  private static final byte[] TIFF_BIG_ENDIAN = {'M', 'M', 0, 42};

  private final String mimeType;
  private final String description;
  private final String imageIoFormat;
  private final List<String> extensions;

  ScanType(String mimeType, String description, String imageIoFormat, List<String> extensions) {
    this.mimeType = mimeType;
    this.description = description;
    this.imageIoFormat = imageIoFormat;
    this.extensions = extensions;
  }

  String mimeType() {
    return mimeType;
  }

  /** What the file is, for a message: "a PNG image". */
  String description() {
    return description;
  }

  /** The format name of the image reader and writer in {@code javax.imageio}. */
  String imageIoFormat() {
    return imageIoFormat;
  }

  /** The usual extension, to suggest in a message. */
  String extension() {
    return extensions.get(0);
  }

  /** The type the file's first bytes say, if any of these. */
  static Optional<ScanType> ofContent(byte[] content) {
    if (startsWith(content, PDF_HEADER)) {
      return Optional.of(PDF);
    }
    if (startsWith(content, PNG_SIGNATURE)) {
      return Optional.of(PNG);
    }
    if (startsWith(content, JPEG_START)) {
      return Optional.of(JPEG);
    }
    if (startsWith(content, TIFF_LITTLE_ENDIAN) || startsWith(content, TIFF_BIG_ENDIAN)) {
      return Optional.of(TIFF);
    }
    return Optional.empty();
  }

  /** The type the file's name says, if any of these. */
  static Optional<ScanType> ofName(String fileName) {
    String extension = ScanName.extension(fileName);
    return Arrays.stream(values()).filter(t -> t.extensions.contains(extension)).findFirst();
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length
        && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
  }
}
