package fr.aed.station.app.enrollment;

import fr.aed.station.app.text.Catalogue;
import fr.aed.station.app.text.Message;
import fr.aed.station.crypto.profile.LintFinding;
import java.util.Locale;
import java.util.Set;

/**
 * A request lint finding as the officer reads it: its code and arguments said by the catalogue
 * ({@code lint.*}), the subject's attributes by their names in words; a finding of a code the
 * catalogue does not know yet keeps the lint's own words.
 */
public final class LintWords {

  private static final Set<String> ATTRIBUTES =
      Set.of(
          "C", "givenName", "surname", "CN", "O", "organizationIdentifier", "OU", "serialNumber");

  private LintWords() {}

  /** What {@code finding} says, as a message of the catalogue. */
  public static Message of(LintFinding finding) {
    String code = "lint." + finding.code();
    if (!Catalogue.knows(code)) {
      return Message.of("lint.other", finding.message());
    }
    return Message.of(code, finding.arguments().stream().map(LintWords::argument).toArray());
  }

  private static Object argument(String value) {
    return ATTRIBUTES.contains(value)
        ? Message.of("subject-attribute." + value.toUpperCase(Locale.ROOT))
        : value;
  }
}
