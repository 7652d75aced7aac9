package fr.aed.station.app.sheet;

import java.nio.file.Path;
import java.util.Locale;

/** A scan's file name, as the officer reads it in a message and as the sheet names it. */
final class ScanName {

  /** The longest name kept for the attachment, in characters. */
  static final int MAX_LENGTH = 100;

  private ScanName() {}

  /** The file's name fit for a one-line message: control characters shown as '?'. */
  static String shown(Path file) {
    Path name = file.getFileName();
    String text = name == null ? file.toString() : name.toString();
    StringBuilder shown = new StringBuilder();
    text.codePoints()
        .limit(MAX_LENGTH)
        .forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return text.codePointCount(0, text.length()) > MAX_LENGTH ? shown + "..." : shown.toString();
  }

  /** Whether the name can name the attachment: printable and not too long. */
  static boolean acceptable(String fileName) {
    return !fileName.isBlank()
        && fileName.codePointCount(0, fileName.length()) <= MAX_LENGTH
        && fileName.codePoints().noneMatch(Character::isISOControl);
  }

  /** The extension after the last dot, in lower case; empty when there is none. */
  static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
