package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SignaturePictureTest {

  private static int inked(BufferedImage image) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFF) < 0x80) {
          count++;
        }
      }
    }
    return count;
  }

  @Test
  void theStrokesBecomeInkOnAWhitePadOfThePadsSize() throws Exception {
    List<List<SignaturePicture.Point>> strokes =
        List.of(
            List.of(new SignaturePicture.Point(10, 10), new SignaturePicture.Point(200, 10)),
            List.of(new SignaturePicture.Point(50, 100)));

    BufferedImage image =
        ImageIO.read(new ByteArrayInputStream(SignaturePicture.png(strokes, 300, 120)));

    assertEquals(300, image.getWidth());
    assertEquals(120, image.getHeight());
    assertEquals(0xFFFFFF, image.getRGB(150, 60) & 0xFFFFFF, "white away from the strokes");
    assertTrue((image.getRGB(100, 10) & 0xFF) < 0x80, "ink along the first stroke");
    assertTrue((image.getRGB(50, 100) & 0xFF) < 0xC0, "a dot shows");
    assertTrue(inked(image) > 190 * 2, "the line is about 2.5 pixels thick");
  }

  @Test
  void anEmptyPadIsAllWhite() throws Exception {
    BufferedImage image =
        ImageIO.read(new ByteArrayInputStream(SignaturePicture.png(List.of(), 40, 20)));
    assertEquals(0, inked(image));
  }
}
