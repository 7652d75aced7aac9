package fr.aed.station.app.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts a text into lines no wider than a given width, so that long values (SHA-256 fingerprints,
 * request subjects) never run off the page.
 *
 * <p>A line breaks preferably after a space or a comma (a distinguished name reads better broken
 * between its attributes); a word wider than the whole line is cut between two characters. Line
 * feeds in the text start a new line. Nothing but the spaces at a break is dropped.
 */
public final class LineWrapper {

  /** Measures the printed width of a text, in the same unit as the line width. */
  @FunctionalInterface
  public interface TextWidth {
    float of(String text);
  }

  private final TextWidth width;

  public LineWrapper(TextWidth width) {
    this.width = Objects.requireNonNull(width);
  }

  /**
   * Wraps the text.
   *
   * @param maxWidth the width available for one line
   * @return at least one line; an empty text gives one empty line
   * @throws IllegalArgumentException if the width is not positive
   */
  public List<String> wrap(String text, float maxWidth) {
    if (!(maxWidth > 0)) {
      throw new IllegalArgumentException("line width must be positive: " + maxWidth);
    }
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\r?\n", -1)) {
      wrapParagraph(paragraph, maxWidth, lines);
    }
    return lines;
  }

  private void wrapParagraph(String paragraph, float maxWidth, List<String> lines) {
    String rest = paragraph.strip();
    while (width.of(rest) > maxWidth) {
      int cut = breakPoint(rest, maxWidth);
      if (cut == rest.length()) {
        break; // a single character wider than the line: print it anyway
      }
      lines.add(rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut).stripLeading();
    }
    lines.add(rest);
  }

  /** The index where the line ends: after the last space or comma that fits, else a hard cut. */
  private int breakPoint(String text, float maxWidth) {
    int fits = longestFittingPrefix(text, maxWidth);
    for (int i = fits; i > 0; i--) {
      char last = text.charAt(i - 1);
      if (last == ' ' || last == ',') {
        return i;
      }
    }
    return fits;
  }

  /** The length of the longest prefix that fits, at least one code point so that wrapping ends. */
  private int longestFittingPrefix(String text, float maxWidth) {
    int end = text.offsetByCodePoints(0, 1);
    while (end < text.length()) {
      int next = text.offsetByCodePoints(end, 1);
      if (width.of(text.substring(0, next)) > maxWidth) {
        break;
      }
      end = next;
    }
    return end;
  }
}
