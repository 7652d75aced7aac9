package fr.aed.station.app.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineWrapperTest {

  // One unit per character keeps the expected lines readable.
  private final LineWrapper wrapper = new LineWrapper(String::length);

  @Test
  void shortTextStaysOnOneLine() {
    assertEquals(List.of("Élodie"), wrapper.wrap("Élodie", 10));
  }

  @Test
  void emptyTextGivesOneEmptyLine() {
    assertEquals(List.of(""), wrapper.wrap("", 10));
  }

  @Test
  void breaksAfterTheLastSpaceThatFits() {
    assertEquals(List.of("Atelier", "Lumière SAS"), wrapper.wrap("Atelier Lumière SAS", 12));
  }

  @Test
  void breaksADistinguishedNameBetweenAttributes() {
    assertEquals(
        List.of("CN=Élodie,", "O=Atelier,C=FR"), wrapper.wrap("CN=Élodie,O=Atelier,C=FR", 15));
  }

  @Test
  void cutsAWordLongerThanTheLine() {
    String hex = "9f86d081884c7d659a2feaa0c55ad015";
    assertEquals(List.of("9f86d08188", "4c7d659a2f", "eaa0c55ad0", "15"), wrapper.wrap(hex, 10));
  }

  @Test
  void lineFeedsStartNewLines() {
    assertEquals(List.of("12 rue", "Paris"), wrapper.wrap("12 rue\nParis", 20));
  }

  @Test
  void neverLosesAVisibleCharacterAndNeverOverflows() {
    String text = "Déplacement au-delà de 30 km (sur devis), " + "a".repeat(70) + " fin";
    List<String> lines = wrapper.wrap(text, 13);
    lines.forEach(line -> assertTrue(line.length() <= 13, line));
    assertEquals(text.replaceAll("\\s", ""), String.join("", lines).replaceAll("\\s", ""));
  }

  @Test
  void keepsSurrogatePairsTogether() {
    List<String> lines = wrapper.wrap("\uD835\uDC00\uD835\uDC01", 1);
    assertEquals(List.of("\uD835\uDC00", "\uD835\uDC01"), lines);
  }

  @Test
  void refusesANonPositiveWidth() {
    assertThrows(IllegalArgumentException.class, () -> wrapper.wrap("x", 0));
  }
}
