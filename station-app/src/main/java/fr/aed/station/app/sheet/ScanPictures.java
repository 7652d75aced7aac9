package fr.aed.station.app.sheet;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The pages of an attachment as pictures to draw on the sheet: a prepared scan's pages (a PDF's
 * pages rendered, an image's frames), or the holder's drawing. Pictures are opaque RGB on white, so
 * that what is drawn brings no transparency into the PDF/A sheet.
 */
final class ScanPictures {

  /** Rendering of a PDF scan's pages: enough to read a handwritten signature once printed. */
  private static final float RENDER_DPI = 150;

  private ScanPictures() {}

  /**
   * The attachment's pages, at most {@link ScanImages#MAX_PAGES}.
   *
   * @throws IOException if the content cannot be decoded as its type says
   */
  static List<BufferedImage> pages(SheetAttachment attachment) throws IOException {
    if (attachment.mimeType().equals(ScanType.PDF.mimeType())) {
      return pdfPages(attachment.content());
    }
    return imageFrames(attachment.content());
  }

  /** The picture on white, without alpha, at most {@code maxWidth} x {@code maxHeight} pixels. */
  static BufferedImage opaque(BufferedImage picture, int maxWidth, int maxHeight) {
    double scale =
        Math.min(
            1,
            Math.min(
                (double) maxWidth / picture.getWidth(), (double) maxHeight / picture.getHeight()));
    int width = Math.max(1, (int) Math.round(picture.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(picture.getHeight() * scale));
    BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.drawImage(picture, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }

  private static List<BufferedImage> pdfPages(byte[] content) throws IOException {
    try (PDDocument scan = Loader.loadPDF(content)) {
      PDFRenderer renderer = new PDFRenderer(scan);
      List<BufferedImage> pages = new ArrayList<>();
      for (int i = 0; i < Math.min(scan.getNumberOfPages(), ScanImages.MAX_PAGES); i++) {
        pages.add(renderer.renderImageWithDPI(i, RENDER_DPI, ImageType.RGB));
      }
      return pages;
    }
  }

  private static List<BufferedImage> imageFrames(byte[] content) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
      var readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IOException("no reader for the attached picture");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        int frames = Math.min(reader.getNumImages(true), ScanImages.MAX_PAGES);
        List<BufferedImage> pages = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
          pages.add(reader.read(i));
        }
        return pages;
      } finally {
        reader.dispose();
      }
    }
  }
}
