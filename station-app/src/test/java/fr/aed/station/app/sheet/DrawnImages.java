package fr.aed.station.app.sheet;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;

/** The rectangles where a page's content draws images, found by running its content streams. */
final class DrawnImages extends PDFGraphicsStreamEngine {

  /** Where one image lands on the page, in PDF points. */
  record Placed(float x, float y, float width, float height) {
    boolean inside(SignatureArea area) {
      return area.contains(x, y, width, height);
    }
  }

  private final List<Placed> placed = new ArrayList<>();

  private DrawnImages(PDPage page) {
    super(page);
  }

  static List<Placed> on(PDPage page) throws IOException {
    DrawnImages engine = new DrawnImages(page);
    engine.processPage(page);
    return engine.placed;
  }

  @Override
  public void drawImage(PDImage image) {
    Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
    float x = ctm.getTranslateX();
    float y = ctm.getTranslateY();
    placed.add(new Placed(x, y, ctm.getScalingFactorX(), ctm.getScalingFactorY()));
  }

  @Override
  public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {}

  @Override
  public void clip(int windingRule) {}

  @Override
  public void moveTo(float x, float y) {}

  @Override
  public void lineTo(float x, float y) {}

  @Override
  public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {}

  @Override
  public Point2D getCurrentPoint() {
    return new Point2D.Float();
  }

  @Override
  public void closePath() {}

  @Override
  public void endPath() {}

  @Override
  public void strokePath() {}

  @Override
  public void fillPath(int windingRule) {}

  @Override
  public void fillAndStrokePath(int windingRule) {}

  @Override
  public void shadingFill(COSName shadingName) {}
}
