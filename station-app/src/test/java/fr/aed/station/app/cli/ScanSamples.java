package fr.aed.station.app.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/** Scans for the tests, good and hostile, made in memory. */
final class ScanSamples {

  static final String SCRIPT = "app.alert('scan-payload');";

  private ScanSamples() {}

  /** A small drawing: a white page with a dark stroke, as a signature would be. */
  static BufferedImage drawing(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, width, height);
    graphics.setColor(new Color(20, 30, 120));
    graphics.drawLine(2, height - 3, width - 3, 2);
    graphics.dispose();
    return image;
  }

  /** The drawing, written by {@code javax.imageio} as "png", "jpeg" or "tiff". */
  static byte[] image(String format, int pages) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      if (pages == 1) {
        writer.write(drawing(60, 30));
      } else {
        writer.prepareWriteSequence(null);
        for (int page = 0; page < pages; page++) {
          writer.writeToSequence(new IIOImage(drawing(60, 30 + page), null, null), null);
        }
        writer.endWriteSequence();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /**
   * A PNG that is its signature, an IHDR chunk saying {@code width} x {@code height} pixels in RGB,
   * and IEND: no pixel data at all, so that only its header can be read.
   */
  static byte[] pngHeaderOnly(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    byte[] header =
        ByteBuffer.allocate(13)
            .putInt(width)
            .putInt(height)
            .put(new byte[] {8, 2, 0, 0, 0})
            .array();
    chunk(out, "IHDR", header);
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(name);
    out.writeBytes(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** A PDF of {@code pages} A4 pages with a dark rectangle on each. */
  static byte[] pdf(int pages) {
    try (PDDocument document = new PDDocument()) {
      addPages(document, pages);
      return saved(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A one-page PDF that runs a script when opened (/OpenAction and the document's JavaScript name
   * tree) and carries a file of its own.
   */
  static byte[] pdfWithScript() {
    try (PDDocument document = new PDDocument()) {
      addPages(document, 1);
      PDActionJavaScript script = new PDActionJavaScript(SCRIPT);
      document.getDocumentCatalog().setOpenAction(script);
      PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
      scripts.setNames(Map.of("payload", script));
      PDEmbeddedFile file =
          new PDEmbeddedFile(
              document,
              new java.io.ByteArrayInputStream("payload".getBytes(StandardCharsets.UTF_8)));
      PDComplexFileSpecification specification = new PDComplexFileSpecification();
      specification.setFile("payload.txt");
      specification.setEmbeddedFile(file);
      PDEmbeddedFilesNameTreeNode files = new PDEmbeddedFilesNameTreeNode();
      files.setNames(Map.of("payload.txt", specification));
      PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
      names.setJavascript(scripts);
      names.setEmbeddedFiles(files);
      document.getDocumentCatalog().setNames(names);
      return saved(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A one-page PDF encrypted with a user password, or with none (opened by anyone). */
  static byte[] encryptedPdf(String userPassword) {
    try (PDDocument document = new PDDocument()) {
      addPages(document, 1);
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      return saved(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void addPages(PDDocument document, int pages) throws IOException {
    for (int i = 0; i < pages; i++) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.addRect(100, 100, 200, 40);
        content.fill();
      }
    }
  }

  private static byte[] saved(PDDocument document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }
}
