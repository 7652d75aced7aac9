package fr.aed.station.app.fuzz;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * A fuzzer's bytes read as fields, for harnesses whose target takes several values. Fields are
 * separated by the byte {@code FF}; in a text field each byte is one Latin-1 character, and {@code
 * FE} followed by two bytes is any UTF-16 unit (lone surrogates and controls included), so that
 * mutations of ASCII seeds stay readable while every character stays reachable. Numbers are written
 * in decimal, as a fuzzer finds them in comparisons. A missing field reads as empty.
 */
public final class FuzzInput {

  private static final int SEPARATOR = 0xFF;
  private static final int ESCAPE = 0xFE;

  private final byte[] data;
  private int position;

  public FuzzInput(byte[] data) {
    this.data = data;
  }

  /** Whether another field follows. */
  public boolean hasMore() {
    return position < data.length;
  }

  /** The next field as text. */
  public String text() {
    StringBuilder text = new StringBuilder();
    while (position < data.length) {
      int b = data[position++] & 0xFF;
      if (b == SEPARATOR) {
        break;
      }
      if (b == ESCAPE && position + 1 < data.length) {
        text.append((char) (((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF)));
        position += 2;
      } else {
        text.append((char) b);
      }
    }
    return text.toString();
  }

  /** The bytes after the fields read so far, raw (separators included). */
  public byte[] remainingBytes() {
    byte[] rest = Arrays.copyOfRange(data, position, data.length);
    position = data.length;
    return rest;
  }

  /** The next field as text, or {@code null} when it holds only the character NUL. */
  public String textOrNull() {
    String text = text();
    return text.equals("\0") ? null : text;
  }

  /** The next field's decimal digits (others ignored) taken into {@code [min, max]}. */
  public int integer(int min, int max) {
    long value = 0;
    for (char c : text().toCharArray()) {
      if (c >= '0' && c <= '9') {
        value = (value * 10 + (c - '0')) % 1_000_000_007L;
      }
    }
    return (int) (min + value % ((long) max - min + 1));
  }

  /**
   * The next field as a day between {@code from} and {@code to}, counted in days from {@code from}.
   */
  public LocalDate date(LocalDate from, LocalDate to) {
    return from.plusDays(integer(0, (int) ChronoUnit.DAYS.between(from, to)));
  }

  /** The bytes that read back as these fields: strings as text, numbers in decimal. */
  public static byte[] encode(Object... fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.write(SEPARATOR);
      }
      String field = fields[i] == null ? "\0" : fields[i].toString();
      for (char c : field.toCharArray()) {
        if (c < ESCAPE) {
          out.write(c);
        } else {
          out.write(ESCAPE);
          out.write(c >> 8);
          out.write(c & 0xFF);
        }
      }
    }
    return out.toByteArray();
  }
}
