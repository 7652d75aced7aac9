package fr.aed.station.crypto.pades;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;

/** The lines an appearance stream shows (Tj with a two-byte Identity-H font), for the tests. */
final class AppearanceText {

  private AppearanceText() {}

  static List<String> lines(PDAppearanceStream appearance) throws IOException {
    List<String> lines = new ArrayList<>();
    PDFont font = null;
    Object previous = null;
    List<Object> tokens = new PDFStreamParser(appearance).parse();
    for (int i = 0; i < tokens.size(); i++) {
      Object token = tokens.get(i);
      if (token instanceof Operator op && op.getName().equals("Tf")) {
        font = appearance.getResources().getFont((COSName) tokens.get(i - 2));
        if (!font.isEmbedded()) {
          throw new AssertionError("the appearance's font is not embedded");
        }
      } else if (token instanceof Operator op && op.getName().equals("Tj")) {
        lines.add(decode(font, ((COSString) previous).getBytes()));
      }
      previous = token;
    }
    return lines;
  }

  private static String decode(PDFont font, byte[] codes) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i + 1 < codes.length; i += 2) {
      text.append(font.toUnicode(((codes[i] & 0xff) << 8) | (codes[i + 1] & 0xff)));
    }
    return text.toString();
  }
}
