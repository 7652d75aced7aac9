package fr.aed.station.app.enrollment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.text.Catalogue;
import fr.aed.station.app.text.Message;
import fr.aed.station.crypto.profile.LintFinding;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LintWordsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "NOT_NORMALISED",
        "SPACES",
        "CONTROL_CHARACTER",
        "COMPATIBILITY_CHARACTER",
        "MIXED_SCRIPTS",
        "LONE_MARK",
        "CHARACTER_NOT_ALLOWED",
        "LONG_COMMON_NAME",
        "TOO_LONG",
        "SIGNATURE_ALGORITHM",
        "MISSING_ATTRIBUTE",
        "COUNTRY",
        "INVALID_SIRET",
        "ORGANIZATION_IDENTIFIER_SYNTAX",
        "ORGANIZATION_IDENTIFIER_VALUE",
        "ORGANIZATIONAL_UNIT",
        "MISSING_EMAIL",
        "EMAIL_SYNTAX",
        "RSA_TOO_SHORT",
        "CURVE",
        "KEY_FAMILY"
      })
  void everyCodeOfTheLintHasItsWords(String code) {
    assertTrue(Catalogue.knows("lint." + code), code);
  }

  @Test
  void aFindingIsSaidWithTheAttributeInWords() {
    LintFinding tooLong =
        new LintFinding(
            LintFinding.Severity.ERROR,
            "TOO_LONG",
            "O has 70 characters",
            List.of("O", "70", "64"));

    Message said = LintWords.of(tooLong);

    assertEquals(
        "« Organisation » compte 70 caractères, plus que les 64 admis par le profil de certificat",
        said.inFrench());
    assertEquals(
        "“Organisation” has 70 characters, more than the 64 the certificate profile allows",
        said.in(Locale.ENGLISH));
  }

  @Test
  void aCodeTheCatalogueDoesNotKnowKeepsTheLintsWords() {
    LintFinding unknown = new LintFinding(LintFinding.Severity.WARNING, "NEW_RULE", "new words");

    assertEquals("new words", LintWords.of(unknown).in(Locale.ENGLISH));
  }
}
