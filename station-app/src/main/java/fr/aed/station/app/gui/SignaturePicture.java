package fr.aed.station.app.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/** The holder's signature drawn on screen, as a PNG picture: dark strokes on white. */
final class SignaturePicture {

  /** One point of a stroke, in the pad's coordinates. */
  record Point(double x, double y) {}

  private static final Color INK = new Color(0x10, 0x20, 0x50);

  private SignaturePicture() {}

  /** The strokes drawn on a pad of {@code width} x {@code height} pixels, as a PNG file. */
  static byte[] png(List<List<Point>> strokes, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(INK);
      g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      for (List<Point> stroke : strokes) {
        g.draw(path(stroke));
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static Path2D path(List<Point> stroke) {
    Path2D.Double path = new Path2D.Double();
    path.moveTo(stroke.get(0).x(), stroke.get(0).y());
    // A single point (a dot) is drawn as a tiny segment so it shows.
    if (stroke.size() == 1) {
      path.lineTo(stroke.get(0).x() + 0.5, stroke.get(0).y());
    }
    for (Point point : stroke.subList(1, stroke.size())) {
      path.lineTo(point.x(), point.y());
    }
    return path;
  }
}
