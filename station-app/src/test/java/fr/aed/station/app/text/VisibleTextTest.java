package fr.aed.station.app.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What acts on a terminal or a window is shown escaped; everything else as it is. */
class VisibleTextTest {

  @ParameterizedTest
  @CsvSource({
    "0, \\u0000", // NUL
    "7, \\u0007", // BEL
    "9, \\u0009", // tab
    "10, \\u000A", // line feed
    "13, \\u000D", // carriage return
    "27, \\u001B", // ESC
    "127, \\u007F", // DEL
    "133, \\u0085", // NEL (C1)
    "155, \\u009B", // CSI (C1)
    "157, \\u009D", // OSC (C1)
    "173, \\u00AD", // soft hyphen
    "1564, \\u061C", // Arabic letter mark
    "8203, \\u200B", // zero-width space
    "8206, \\u200E", // left-to-right mark
    "8207, \\u200F", // right-to-left mark
    "8232, \\u2028", // line separator
    "8233, \\u2029", // paragraph separator
    "8234, \\u202A", // left-to-right embedding
    "8238, \\u202E", // right-to-left override
    "8294, \\u2066", // left-to-right isolate
    "8297, \\u2069", // pop directional isolate
    "65279, \\uFEFF" // byte order mark
  })
  void eachInvisibleCharacterIsEscaped(int codePoint, String escape) {
    assertEquals("a" + escape + "b", VisibleText.of("a" + Character.toString(codePoint) + "b"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Lefèvre-Dubois", "L'Héritier & Fils", "Ødegård", "東京", "Ελληνικά", "😀", "a b"})
  void visibleTextIsLeftAlone(String text) {
    assertSame(text, VisibleText.of(text));
  }

  @Test
  void aBackslashIsDoubledSoThatAnEscapeShownWasAnEscapeCharacter() {
    assertEquals("\\\\u001B is not ESC", VisibleText.of("\\u001B is not ESC"));
  }

  @Test
  void aFormatCharacterBeyondTheBmpIsEscapedAsItsSurrogatePair() {
    assertEquals("x\\uDB40\\uDC01", VisibleText.of("x" + Character.toString(0xE0001)));
  }

  @Test
  void anUnpairedSurrogateIsEscaped() {
    assertEquals("x\\uD800y", VisibleText.of("x\uD800y"));
  }

  @Test
  void terminalSequencesBecomeInert() {
    String title = "\u001B]0;pwned\u0007\u001B[2J";

    assertEquals("\\u001B]0;pwned\\u0007\\u001B[2J", VisibleText.of(title));
  }

  @Test
  void nullStaysNull() {
    assertNull(VisibleText.of(null));
  }

  @Test
  void theWriterKeepsLineEndsAndJsonMeaning() throws Exception {
    String company = "A\u001B[2J\u202E\u0085B\\C";
    String json = new ObjectMapper().writeValueAsString(Map.of("company", company));
    StringWriter shown = new StringWriter();
    try (VisibleTextWriter writer = new VisibleTextWriter(shown)) {
      writer.write(json);
      writer.write('\n');
    }

    String text = shown.toString();
    assertEquals(json.replace("\u202E", "\\u202E").replace("\u0085", "\\u0085") + "\n", text);
    assertEquals(
        company, new ObjectMapper().readTree(text).get("company").asText(), "same JSON value");
    assertEquals(1, text.chars().filter(c -> c == '\n').count());
    text.chars().limit(text.length() - 1).forEach(c -> assertEquals(false, isInvisible(c)));
  }

  @Test
  void theWriterJoinsASurrogatePairSplitAcrossWrites() throws Exception {
    String emoji = "😀";
    String tag = Character.toString(0xE0001);
    StringWriter shown = new StringWriter();
    try (VisibleTextWriter writer = new VisibleTextWriter(shown)) {
      writer.write(emoji.charAt(0));
      writer.write(emoji.charAt(1));
      writer.write(tag.charAt(0));
      writer.write(tag.charAt(1));
      writer.write('\uD800'); // unpaired, at the end
    }

    assertEquals(emoji + "\\uDB40\\uDC01\\uD800", shown.toString());
  }

  private static boolean isInvisible(int c) {
    return VisibleText.isInvisible(c);
  }
}
