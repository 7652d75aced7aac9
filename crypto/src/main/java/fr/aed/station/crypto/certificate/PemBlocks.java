package fr.aed.station.crypto.certificate;

import fr.aed.station.crypto.certificate.CertificateFileException.Reason;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of PEM text (RFC 7468): blocks separated by white space only, no headers, strict
 * Base64. Explanatory text between blocks is refused, since a file the CA sends has none and text
 * there is how a damaged or tampered file shows.
 */
final class PemBlocks {

  /** One block: its label and its decoded content. */
  record Block(String label, byte[] der) {}

  private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([\\x21-\\x7E ]+)-----");
  private static final Pattern END = Pattern.compile("-----END ([\\x21-\\x7E ]+)-----");
  private static final Pattern BASE64_LINE = Pattern.compile("[A-Za-z0-9+/=]*");
  private static final Pattern PRIVATE_KEY =
      Pattern.compile("-----BEGIN [\\x21-\\x7E ]*PRIVATE KEY[\\x21-\\x7E ]*-----");

  private PemBlocks() {}

  /** Whether the text holds a private key block anywhere, damaged or not. */
  static boolean hasPrivateKey(String text) {
    return PRIVATE_KEY.matcher(text).find();
  }

  /**
   * The blocks of {@code text}, in order.
   *
   * @throws CertificateFileException MALFORMED for text outside the blocks, a block without its END
   *     line, headers or bad Base64
   */
  static List<Block> read(String text) throws CertificateFileException {
    List<Block> blocks = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    String label = null;
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (label == null) {
        label = begin(line, i + 1);
      } else if (line.startsWith("-----")) {
        blocks.add(new Block(label, decode(label, body, line, i + 1)));
        label = null;
        body.setLength(0);
      } else if (BASE64_LINE.matcher(line).matches()) {
        body.append(line);
      } else {
        throw malformed("line " + (i + 1) + " of the " + label + " block is not Base64");
      }
    }
    if (label != null) {
      throw malformed("the " + label + " block has no END line: the file is truncated");
    }
    return blocks;
  }

  private static String begin(String line, int number) throws CertificateFileException {
    if (line.isEmpty()) {
      return null;
    }
    Matcher begin = BEGIN.matcher(line);
    if (!begin.matches()) {
      throw malformed("line " + number + " is text outside a PEM block");
    }
    return begin.group(1);
  }

  private static byte[] decode(String label, StringBuilder body, String line, int number)
      throws CertificateFileException {
    Matcher end = END.matcher(line);
    if (!end.matches() || !end.group(1).equals(label)) {
      throw malformed("line " + number + " does not end the " + label + " block");
    }
    try {
      return Base64.getDecoder().decode(body.toString());
    } catch (IllegalArgumentException e) {
      throw new CertificateFileException(
          Reason.MALFORMED, "the " + label + " block is not valid Base64: " + e.getMessage(), e);
    }
  }

  private static CertificateFileException malformed(String message) {
    return new CertificateFileException(Reason.MALFORMED, message);
  }
}
