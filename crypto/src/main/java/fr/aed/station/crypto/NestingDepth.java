package fr.aed.station.crypto;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How deep the constructed values of a BER or DER encoding nest, found by walking its headers
 * without recursion. Bouncy Castle's parser recurses once per level, so a megabyte of nested
 * SEQUENCEs overflows the stack; this walk refuses them first.
 */
public final class NestingDepth {

  /** Far deeper than a certificate chain in a PKCS#7 or a CMP answer (about 12 to 16 levels). */
  public static final int LIMIT = 32;

  private static final int INDEFINITE = -1;

  private NestingDepth() {}

  /**
   * Whether {@code encoding} has consistent headers and nests at most {@link #LIMIT} levels;
   * content after its first value is not walked.
   */
  public static boolean acceptable(byte[] encoding) {
    Deque<Integer> ends = new ArrayDeque<>();
    int position = 0;
    do {
      position = header(encoding, position, ends);
      if (position < 0 || ends.size() > LIMIT) {
        return false;
      }
      position = closeFinished(encoding, position, ends);
      if (position < 0) {
        return false;
      }
    } while (!ends.isEmpty());
    return true;
  }

  // Pops the containers that end at position: a definite one at its end, an indefinite one at its
  // end-of-contents octets. Returns the position after them, or -1 if past a container's end.
  private static int closeFinished(byte[] encoding, int position, Deque<Integer> ends) {
    while (!ends.isEmpty()) {
      int end = ends.peek();
      if (end == INDEFINITE && endOfContents(encoding, position)) {
        ends.pop();
        position += 2;
      } else if (end != INDEFINITE && position >= end) {
        if (position > end) {
          return -1;
        }
        ends.pop();
      } else {
        break;
      }
    }
    return position;
  }

  private static boolean endOfContents(byte[] encoding, int position) {
    return position + 1 < encoding.length && encoding[position] == 0 && encoding[position + 1] == 0;
  }

  // Reads one header; a constructed value is entered, a primitive one skipped. Returns the next
  // position, or -1 when the header is cut or inconsistent.
  private static int header(byte[] encoding, int position, Deque<Integer> ends) {
    if (position >= encoding.length) {
      return -1;
    }
    boolean constructed = (encoding[position] & 0x20) != 0;
    if ((encoding[position++] & 0x1F) == 0x1F) {
      while (position < encoding.length && (encoding[position] & 0x80) != 0) {
        position++;
      }
      position++;
    }
    if (position >= encoding.length) {
      return -1;
    }
    int first = encoding[position++] & 0xFF;
    if (first == 0x80) {
      ends.push(INDEFINITE);
      return constructed ? position : -1;
    }
    long length = first;
    if (first > 0x80) {
      int octets = first & 0x7F;
      if (octets > 4 || position + octets > encoding.length) {
        return -1;
      }
      length = 0;
      for (int i = 0; i < octets; i++) {
        length = (length << 8) | (encoding[position++] & 0xFF);
      }
    }
    if (position + length > encoding.length) {
      return -1;
    }
    if (constructed) {
      ends.push((int) (position + length));
      return position;
    }
    return (int) (position + length);
  }
}
