package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TextsTest {

  private final Locale jvmDefault = Locale.getDefault();

  @AfterEach
  void restore() {
    Locale.setDefault(jvmDefault);
    Texts.use(Locale.FRENCH);
  }

  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Texts.class.getResourceAsStream(name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  @Test
  void bothLanguagesHaveTheSameTexts() throws IOException {
    assertEquals(bundle("texts.properties").keySet(), bundle("texts_en.properties").keySet());
  }

  @Test
  void frenchIsChosenEvenOnAnEnglishSystem() {
    Locale.setDefault(Locale.ENGLISH);
    Texts.use(Locale.FRENCH);
    assertEquals("Interventions récentes", Texts.get("home.title"));
    Texts.use(Locale.ENGLISH);
    assertEquals("Recent interventions", Texts.get("home.title"));
  }

  @Test
  void argumentsAreReplacedAndApostrophesKept() {
    assertEquals(
        "La reprise de I-1 a échoué : carte absente",
        Texts.get("home.resume-failed", "I-1", "carte absente"));
  }

  @Test
  void anUnknownLanguageReadsFrench() {
    assertEquals(Locale.FRENCH, Texts.language("de"));
    assertEquals(Locale.ENGLISH, Texts.language("en"));
    Texts.use(Locale.GERMAN);
    assertEquals(Locale.FRENCH, Texts.locale());
    assertEquals("Interventions récentes", Texts.get("home.title"));
  }
}
