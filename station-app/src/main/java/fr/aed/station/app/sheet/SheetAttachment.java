package fr.aed.station.app.sheet;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file embedded in the sheet's PDF (the certificate request, a manifest...), as PDF/A-3 allows:
 * the archived sheet then carries the evidence it describes.
 *
 * @param fileName the name shown by PDF readers, unique within a sheet
 * @param mimeType the file's media type, e.g. {@code application/json}
 * @param description a human-readable description, or null
 * @param content the file's bytes, copied
 */
public record SheetAttachment(
    String fileName, String mimeType, String description, byte[] content) {

  private static final Pattern MEDIA_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+");

  /**
   * @throws NullPointerException if the name, type or content is missing
   * @throws IllegalArgumentException if the name is blank or the type is not "type/subtype"
   */
  public SheetAttachment {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(content, "content");
    if (fileName.isBlank()) {
      throw new IllegalArgumentException("blank attachment name");
    }
    if (!MEDIA_TYPE.matcher(mimeType).matches()) {
      throw new IllegalArgumentException("not a media type: " + mimeType);
    }
    content = content.clone();
  }

  /** The file's bytes, a copy. */
  @Override
  public byte[] content() {
    return content.clone();
  }
}
