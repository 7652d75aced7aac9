package fr.aed.station.app.sheet;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Image scans (PNG, JPEG, TIFF): each page's size is read from its header before any pixel is
 * decoded, then every page is decoded and written again in the same format, so that only the pixels
 * reach the sheet (no metadata, no bytes after the image).
 */
final class ScanImages {

  /** The longest side of a page, in pixels: 2.5 m at 200 DPI. */
  static final int MAX_SIDE = 20_000;

  /** The most pixels on one page: an A4 page at 600 DPI has 35 million. */
  static final long MAX_PIXELS = 40_000_000L;

  /** The most pages in one scan. */
  static final int MAX_PAGES = 10;

  private static final float JPEG_QUALITY = 0.92f;

  private ScanImages() {}

  /**
   * The scan's pages, written again in its format.
   *
   * @throws ScanRefusedException if a page is too large, there are too many, or one cannot be
   *     decoded
   */
  static byte[] rewrite(ScanType type, byte[] content, String name) throws ScanRefusedException {
    ImageReader reader = ImageIO.getImageReadersByFormatName(type.imageIoFormat()).next();
    ImageWriter writer = ImageIO.getImageWritersByFormatName(type.imageIoFormat()).next();
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
      reader.setInput(in, false, true);
      int pages = checkedPages(reader, type, name);
      ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
      try (ImageOutputStream out = new MemoryCacheImageOutputStream(rewritten)) {
        writer.setOutput(out);
        ImageWriteParam param = writeParam(type, writer);
        if (pages > 1) {
          writer.prepareWriteSequence(null);
        }
        for (int page = 0; page < pages; page++) {
          BufferedImage image = reader.read(page);
          // The JPEG reader fills a truncated or damaged image with grey and only warns.
          if (type == ScanType.JPEG && !warnings.isEmpty()) {
            throw new ScanRefusedException(
                "the scan " + name + " is damaged (" + warnings.get(0) + "): scan it again");
          }
          IIOImage decoded = new IIOImage(image, null, null);
          if (pages > 1) {
            writer.writeToSequence(decoded, param);
          } else {
            writer.write(null, decoded, param);
          }
        }
        if (pages > 1) {
          writer.endWriteSequence();
        }
      }
      return rewritten.toByteArray();
    } catch (IOException | RuntimeException e) {
      // Damaged data makes some readers throw unchecked exceptions (index out of bounds...).
      throw new ScanRefusedException(
          "the scan " + name + " cannot be decoded as " + type.description() + ": scan it again",
          e);
    } finally {
      reader.dispose();
      writer.dispose();
    }
  }

  /**
   * Checks the size of a page or an image before it is decoded or drawn.
   *
   * @param part what is measured, for the message: "page 2", "an image inside"
   * @throws ScanRefusedException if it is empty, a side is longer than {@link #MAX_SIDE} or it
   *     holds more than {@link #MAX_PIXELS}
   */
  static void checkDimensions(String name, String part, long width, long height)
      throws ScanRefusedException {
    if (width < 1 || height < 1) {
      throw new ScanRefusedException("the scan " + name + " has an empty " + part);
    }
    if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
      throw new ScanRefusedException(
          String.format(
              "the scan %s is too large: %s measures %d x %d pixels, at most %d pixels a side and"
                  + " %d million pixels are accepted; scan it again at 200 to 300 DPI",
              name, part, width, height, MAX_SIDE, MAX_PIXELS / 1_000_000));
    }
  }

  // Pages are counted by asking for each one's header, up to one past the limit: a TIFF's chain of
  // directories is never walked further than that.
  private static int checkedPages(ImageReader reader, ScanType type, String name)
      throws IOException, ScanRefusedException {
    int pages = type == ScanType.TIFF ? existingPages(reader) : 1;
    if (pages == 0) {
      throw new IOException("no image inside");
    }
    if (pages > MAX_PAGES) {
      throw new ScanRefusedException(
          "the scan " + name + " has more than " + MAX_PAGES + " pages: attach the signed sheet");
    }
    for (int page = 0; page < pages; page++) {
      checkDimensions(name, "page " + (page + 1), reader.getWidth(page), reader.getHeight(page));
    }
    return pages;
  }

  private static int existingPages(ImageReader reader) throws IOException {
    int pages = 0;
    while (pages <= MAX_PAGES) {
      try {
        reader.getWidth(pages);
      } catch (IndexOutOfBoundsException e) {
        break;
      }
      pages++;
    }
    return pages;
  }

  private static ImageWriteParam writeParam(ScanType type, ImageWriter writer) {
    ImageWriteParam param = writer.getDefaultWriteParam();
    if (type == ScanType.JPEG) {
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
    } else if (type == ScanType.TIFF) {
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionType("Deflate");
    }
    return param;
  }
}
