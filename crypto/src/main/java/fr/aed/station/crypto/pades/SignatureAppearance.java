package fr.aed.station.crypto.pades;

import java.util.List;
import java.util.Objects;

/**
 * Where and how a signature shows on the page: a rectangle of one page, in PDF points from the
 * page's bottom left corner, holding a few lines of text (the signer's name, the date...).
 *
 * @param pageIndex the page, counted from 0
 * @param x the rectangle's left edge
 * @param y the rectangle's bottom edge
 * @param width the rectangle's width, positive
 * @param height the rectangle's height, positive
 * @param lines the text, one line each, printed from the top
 */
public record SignatureAppearance(
    int pageIndex, float x, float y, float width, float height, List<String> lines) {

  /**
   * @throws IllegalArgumentException if the page is negative or the rectangle empty
   */
  public SignatureAppearance {
    if (pageIndex < 0 || width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "no room for a signature on page " + pageIndex + ": " + width + " x " + height);
    }
    lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
  }
}
