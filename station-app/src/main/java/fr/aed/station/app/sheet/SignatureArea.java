package fr.aed.station.app.sheet;

/**
 * The blank space of a signature box where a signature goes, below the box's printed text: a
 * rectangle of one page, in PDF points from the page's bottom left corner.
 *
 * @param pageIndex the page, counted from 0
 * @param x left edge
 * @param y bottom edge
 * @param width width
 * @param height height
 */
public record SignatureArea(int pageIndex, float x, float y, float width, float height) {

  /** Whether the rectangle lies inside this area (to a hundredth of a point). */
  public boolean contains(float otherX, float otherY, float otherWidth, float otherHeight) {
    float slack = 0.01f;
    return otherX >= x - slack
        && otherY >= y - slack
        && otherX + otherWidth <= x + width + slack
        && otherY + otherHeight <= y + height + slack;
  }
}
