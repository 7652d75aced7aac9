package fr.aed.station.app.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CatalogueTest {

  @Test
  void aPluralIsChosenByTheCount() {
    String pattern = "{0,choice,0#aucun essai|1#1 essai|1<{0} essais} restant";
    assertEquals("aucun essai restant", Catalogue.fill(pattern, Locale.FRENCH, 0));
    assertEquals("1 essai restant", Catalogue.fill(pattern, Locale.FRENCH, 1));
    assertEquals("3 essais restant", Catalogue.fill(pattern, Locale.FRENCH, 3));
  }

  @Test
  void apostrophesAreKeptAndNumbersShownWithoutGrouping() {
    assertEquals(
        "l'année 2026 d'un port 35963",
        Catalogue.fill("l'année {0} d'un port {1}", Locale.FRENCH, 2026, 35963));
  }

  @Test
  void eachLanguageHasOneDateFormat() {
    LocalDate day = LocalDate.of(2026, 8, 3);
    assertEquals("03/08/2026", Catalogue.fill("{0}", Locale.FRENCH, day));
    assertEquals("3 Aug 2026", Catalogue.fill("{0}", Locale.ENGLISH, day));
    assertEquals("08/2026", Catalogue.fill("{0}", Locale.FRENCH, YearMonth.of(2026, 8)));
    assertEquals("Aug 2026", Catalogue.fill("{0}", Locale.ENGLISH, YearMonth.of(2026, 8)));
  }

  @Test
  void aMessageIsSaidInTheLanguageAskedWithItsFragmentsAndLists() {
    Message wrong =
        Message.of(
            "mrz.format.wrong-lines",
            Message.of("mrz.layout.td1"),
            List.of(
                Message.of("mrz.format.line-length", 1, 29, 30),
                Message.of("mrz.format.line-length", 3, 31, 30)));
    assertEquals(
        "MRZ de carte d'identité ou titre de séjour (3 lignes de 30 caractères) : la ligne 1"
            + " compte 29 caractères au lieu de 30 ; la ligne 3 compte 31 caractères au lieu de 30.",
        wrong.inFrench());
    assertEquals(
        "MRZ of an identity card or residence permit (3 lines of 30 characters): line 1 has 29"
            + " characters instead of 30; line 3 has 31 characters instead of 30.",
        wrong.in(Locale.ENGLISH));
  }

  @Test
  void anUnknownCodeIsShownAsItselfAndAnUnknownLanguageReadsFrench() {
    assertEquals("no.such.code", Message.of("no.such.code").in(Locale.ENGLISH));
    assertEquals(
        Message.of("mrz.format.none").inFrench(), Message.of("mrz.format.none").in(Locale.GERMAN));
  }
}
