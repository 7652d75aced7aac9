package fr.aed.station.app.identity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The spellings a name printed in Latin letters may take in a machine-readable zone, by the
 * transliteration of ICAO Doc 9303 part 3: accents dropped, {@code Ä} written {@code AE} or {@code
 * A} (also {@code Ö}, {@code Ü}), {@code ß} {@code SS}, {@code Æ} {@code AE}, {@code Ø} and {@code
 * Œ} {@code OE}, {@code Å} {@code AA}, {@code Þ} {@code TH}; apostrophes dropped; hyphens and
 * spaces separate words. Two names are the same when some spelling of one is a spelling of the
 * other; a spelling is compared by its letters alone, as the zone may join or split words.
 */
public final class Transliteration {

  // Beyond this many letters with two spellings, only the all-long and all-short spellings are
  // kept: a name has a few of them, and the set must stay small whatever is typed.
  private static final int MAXIMUM_ALTERNATIVES = 6;

  private static final Map<Character, List<String>> SPELLINGS =
      Map.ofEntries(
          Map.entry('Ä', List.of("AE", "A")),
          Map.entry('Ö', List.of("OE", "O")),
          Map.entry('Ü', List.of("UE", "U")),
          Map.entry('ß', List.of("SS")),
          Map.entry('ẞ', List.of("SS")),
          Map.entry('Æ', List.of("AE")),
          Map.entry('Ø', List.of("OE")),
          Map.entry('Å', List.of("AA")),
          Map.entry('Œ', List.of("OE")),
          Map.entry('Þ', List.of("TH")),
          Map.entry('Ð', List.of("D")),
          Map.entry('Đ', List.of("D")),
          Map.entry('Ł', List.of("L")),
          Map.entry('Ħ', List.of("H")),
          Map.entry('Ŧ', List.of("T")),
          Map.entry('Ŋ', List.of("N")));

  private Transliteration() {}

  /**
   * The words of {@code name} as the zone writes them, in the first spelling of each letter ({@code
   * Müller-Größ} gives {@code MUELLER GROESS}).
   */
  public static String mrz(String name) {
    StringBuilder out = new StringBuilder();
    for (String letter : letters(name)) {
      out.append(SPELLINGS.getOrDefault(letter.charAt(0), List.of(letter)).get(0));
    }
    return out.toString().replaceAll(" +", " ").strip();
  }

  /** Every spelling of {@code name}'s letters, without separators ({@code Jörg}: JOERG, JORG). */
  public static Set<String> spellings(String name) {
    List<String> letters = letters(name);
    long alternatives = letters.stream().filter(l -> choices(l).size() > 1).count();
    Set<String> spelled = new LinkedHashSet<>();
    if (alternatives > MAXIMUM_ALTERNATIVES) {
      spelled.add(spelledWith(letters, 0));
      spelled.add(spelledWith(letters, 1));
      return spelled;
    }
    spelled.add("");
    for (String letter : letters) {
      Set<String> longer = new LinkedHashSet<>();
      for (String start : spelled) {
        for (String choice : choices(letter)) {
          longer.add(start + choice);
        }
      }
      spelled = longer;
    }
    return spelled;
  }

  /** Whether {@code one} and {@code other} can be the same name once transliterated. */
  public static boolean sameName(String one, String other) {
    Set<String> spelled = spellings(one);
    return !spelled.contains("") && spellings(other).stream().anyMatch(spelled::contains);
  }

  /**
   * Whether the zone's {@code mrz}, cut short because its field is full, starts some spelling of
   * {@code printed}.
   */
  public static boolean startsName(String mrz, String printed) {
    String key = spellings(mrz).iterator().next();
    return !key.isEmpty() && spellings(printed).stream().anyMatch(s -> s.startsWith(key));
  }

  private static String spelledWith(List<String> letters, int choice) {
    StringBuilder out = new StringBuilder();
    for (String letter : letters) {
      List<String> choices = choices(letter);
      out.append(choices.get(Math.min(choice, choices.size() - 1)));
    }
    return out.toString();
  }

  private static List<String> choices(String letter) {
    return letter.equals(" ")
        ? List.of("")
        : SPELLINGS.getOrDefault(letter.charAt(0), List.of(letter));
  }

  // Upper-case letters one by one, the special ones kept whole, accents dropped from the others;
  // a run of anything else (hyphen, space, the zone's <) is one separator, an apostrophe nothing.
  private static List<String> letters(String name) {
    List<String> letters = new ArrayList<>();
    boolean separated = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == 'ß' || c == 'ẞ') {
        separated = addLetter(letters, "ß", separated);
        continue;
      }
      if (c == '\'' || c == '’' || c == 'ʼ') {
        continue;
      }
      char upperCase = Character.toUpperCase(c);
      if (SPELLINGS.containsKey(upperCase)) {
        separated = addLetter(letters, String.valueOf(upperCase), separated);
        continue;
      }
      String plain =
          Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)
              .replaceAll("\\p{M}", "")
              .toUpperCase(Locale.ROOT);
      if (plain.matches("[A-Z0-9]+")) {
        for (char p : plain.toCharArray()) {
          separated = addLetter(letters, String.valueOf(p), separated);
        }
      } else {
        separated = true;
      }
    }
    return letters;
  }

  private static boolean addLetter(List<String> letters, String letter, boolean separated) {
    if (separated && !letters.isEmpty()) {
      letters.add(" ");
    }
    letters.add(letter);
    return false;
  }
}
