package fr.aed.station.app.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the key was generated, as the sheet says it: the record keeps the token's own terms (the PIV
 * command's name, the PKCS#11 attributes read from the key), the sheet says what they mean.
 */
final class KeyGenerationLine {

  private static final Pattern ATTRIBUTE =
      Pattern.compile("CKA_([A-Z_]+)=(true|false|vrai|faux)", Pattern.CASE_INSENSITIVE);
  private static final Map<String, String[]> WORDS =
      Map.of(
          "LOCAL", new String[] {"créée sur le support", "non créée sur le support"},
          "NEVER_EXTRACTABLE", new String[] {"jamais exportable", "a pu être exportée"},
          "SENSITIVE", new String[] {"protégée", "non protégée"},
          "ALWAYS_SENSITIVE", new String[] {"toujours protégée", "pas toujours protégée"});

  private KeyGenerationLine() {}

  /** The recorded evidence in plain French; null stays null. */
  static String of(String recorded) {
    if (recorded == null) {
      return null;
    }
    String said = recorded.replace(" par la commande GENERATE ASYMMETRIC KEY PAIR", "");
    Matcher attribute = ATTRIBUTE.matcher(said);
    List<String> meanings = new ArrayList<>();
    while (attribute.find()) {
      String[] words = WORDS.get(attribute.group(1).toUpperCase(java.util.Locale.ROOT));
      if (words == null) {
        return said;
      }
      boolean yes =
          attribute.group(2).equalsIgnoreCase("true")
              || attribute.group(2).equalsIgnoreCase("vrai");
      meanings.add(words[yes ? 0 : 1]);
    }
    return meanings.isEmpty()
        ? said
        : "Selon le support, la clé est " + String.join(", ", meanings);
  }
}
