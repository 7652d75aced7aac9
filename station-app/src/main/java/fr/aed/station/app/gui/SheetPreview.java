package fr.aed.station.app.gui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** The sheet's pages as pictures, for the officer and the holder to read before signing. */
final class SheetPreview {

  private SheetPreview() {}

  /**
   * Renders every page at {@code scale} (1 = 72 dots per inch).
   *
   * @throws IOException if the PDF cannot be read
   */
  static List<BufferedImage> pages(byte[] pdf, float scale) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(document);
      List<BufferedImage> pages = new ArrayList<>();
      for (int i = 0; i < document.getNumberOfPages(); i++) {
        pages.add(renderer.renderImage(i, scale, ImageType.RGB));
      }
      return pages;
    }
  }
}
