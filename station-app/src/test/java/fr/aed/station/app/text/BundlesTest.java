package fr.aed.station.app.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundle the officer or the holder reads has its French and English halves alike. */
class BundlesTest {

  // A code or enum name (TOKEN_IDENTIFIED, SCARD_E_NO_SERVICE) is never a word of the window;
  // the first underscore of a label is its keyboard mnemonic, not shown (_SIREN reads SIREN).
  private static final Pattern CODE_NAME = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b");
  private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

  static Stream<String> bundles() {
    return Stream.of(
        "/fr/aed/station/app/text/messages",
        "/fr/aed/station/app/gui/texts",
        "/fr/aed/station/app/gui/dossier-form",
        "/fr/aed/station/app/device/token-failures",
        "/fr/aed/station/app/cli/cli");
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = BundlesTest.class.getResourceAsStream(name + ".properties")) {
      assertTrue(in != null, name + " exists");
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  @ParameterizedTest
  @MethodSource("bundles")
  void frenchAndEnglishHaveTheSameKeys(String bundle) throws IOException {
    Set<String> french = new TreeSet<>(load(bundle).stringPropertyNames());
    Set<String> english = new TreeSet<>(load(bundle + "_en").stringPropertyNames());
    Set<String> onlyFrench = new TreeSet<>(french);
    onlyFrench.removeAll(english);
    Set<String> onlyEnglish = new TreeSet<>(english);
    onlyEnglish.removeAll(french);
    assertEquals(Set.of(), onlyFrench, bundle + ": keys missing in English");
    assertEquals(Set.of(), onlyEnglish, bundle + ": keys missing in French");
  }

  @ParameterizedTest
  @MethodSource("bundles")
  void frenchAndEnglishTakeTheSameArguments(String bundle) throws IOException {
    Properties french = load(bundle);
    Properties english = load(bundle + "_en");
    List<String> differing = new ArrayList<>();
    for (String key : french.stringPropertyNames()) {
      String other = english.getProperty(key);
      if (other != null && !arguments(french.getProperty(key)).equals(arguments(other))) {
        differing.add(key);
      }
    }
    assertEquals(List.of(), differing, bundle + ": texts whose arguments differ");
  }

  @ParameterizedTest
  @MethodSource("bundles")
  void everyTextIsAPatternTheCatalogueFills(String bundle) throws IOException {
    for (String suffix : List.of("", "_en")) {
      Properties texts = load(bundle + suffix);
      for (String key : texts.stringPropertyNames()) {
        String pattern = texts.getProperty(key).replace("'", "''");
        try {
          new MessageFormat(pattern);
        } catch (IllegalArgumentException e) {
          throw new AssertionError(bundle + suffix + " " + key + ": " + e.getMessage(), e);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("bundles")
  void noTextShowsACodeName(String bundle) throws IOException {
    for (String suffix : List.of("", "_en")) {
      Properties texts = load(bundle + suffix);
      List<String> found = new ArrayList<>();
      for (String key : texts.stringPropertyNames()) {
        Matcher code = CODE_NAME.matcher(texts.getProperty(key).replaceFirst("_(?=\\p{L})", ""));
        if (code.find()) {
          found.add(key + ": " + code.group());
        }
      }
      assertEquals(List.of(), found, bundle + suffix);
    }
  }

  @ParameterizedTest
  @MethodSource("bundles")
  void noLazyPlural(String bundle) throws IOException {
    for (String suffix : List.of("", "_en")) {
      Properties texts = load(bundle + suffix);
      for (String key : texts.stringPropertyNames()) {
        String text = texts.getProperty(key);
        assertFalse(text.contains("(s)") || text.contains("(x)"), bundle + suffix + " " + key);
      }
    }
  }

  private static Set<String> arguments(String pattern) {
    Set<String> found = new TreeSet<>();
    Matcher argument = ARGUMENT.matcher(pattern);
    while (argument.find()) {
      found.add(argument.group(1));
    }
    return found;
  }
}
