package fr.aed.station.app.text;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * A writer that lets through the line ends its caller writes and escapes every other invisible
 * character as {@link VisibleText} does, so that nothing printed can drive the terminal. Unlike
 * {@link VisibleText#of}, it leaves backslashes alone: JSON written through it stays valid and
 * means the same, since its escapes are JSON's.
 *
 * <p>Text from outside is still escaped field by field where it is printed: a line feed inside a
 * name cannot be told here from the one that ends the line.
 */
public final class VisibleTextWriter extends FilterWriter {

  private static final boolean CRLF = System.lineSeparator().equals("\r\n");

  private char pendingHigh;

  /** A writer that escapes what it passes on to {@code out}. */
  public VisibleTextWriter(Writer out) {
    super(out);
  }

  @Override
  public void write(int c) throws IOException {
    StringBuilder shown = new StringBuilder(12);
    pass((char) c, shown);
    out.write(shown.toString());
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    StringBuilder shown = new StringBuilder(length + 16);
    for (int i = offset; i < offset + length; i++) {
      pass(chars[i], shown);
    }
    out.write(shown.toString());
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    StringBuilder shown = new StringBuilder(length + 16);
    for (int i = offset; i < offset + length; i++) {
      pass(text.charAt(i), shown);
    }
    out.write(shown.toString());
  }

  @Override
  public void close() throws IOException {
    if (pendingHigh != 0) {
      StringBuilder shown = new StringBuilder();
      VisibleText.appendEscape(shown, pendingHigh);
      pendingHigh = 0;
      out.write(shown.toString());
    }
    super.close();
  }

  // A surrogate pair may come in two calls: its high half waits for its low half.
  private void pass(char c, StringBuilder shown) {
    if (pendingHigh != 0) {
      char high = pendingHigh;
      pendingHigh = 0;
      if (Character.isLowSurrogate(c)) {
        if (VisibleText.isInvisible(Character.toCodePoint(high, c))) {
          VisibleText.appendEscape(shown, high);
          VisibleText.appendEscape(shown, c);
        } else {
          shown.append(high).append(c);
        }
        return;
      }
      VisibleText.appendEscape(shown, high);
    }
    if (Character.isHighSurrogate(c)) {
      pendingHigh = c;
    } else if (c == '\n' || c == '\r' && CRLF || !VisibleText.isInvisible(c)) {
      shown.append(c);
    } else {
      VisibleText.appendEscape(shown, c);
    }
  }
}
