package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.rules.HolderPinRules.Problem;
import java.util.Locale;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HolderPinViewModelTest {

  private final SimpleBooleanProperty pinAlreadyChosen = new SimpleBooleanProperty();
  private final HolderPinViewModel model =
      new HolderPinViewModel(pinAlreadyChosen, java.time.Clock.systemDefaultZone(), null);

  @AfterEach
  void french() {
    Texts.use(Locale.FRENCH);
  }

  @Test
  void nothingTypedAsksToChooseAPinAndCannotBeValidated() {
    model.reset();

    assertNull(model.problemProperty().get());
    assertFalse(model.feedbackIsProblemProperty().get());
    assertEquals(
        "Choisissez un nouveau code de 6 à 8 chiffres, que vous seul connaîtrez.",
        model.feedbackProperty().get());
    assertFalse(model.acceptedProperty().get());
  }

  @Test
  void theFirstEntryIsCheckedAsTypedBeforeTheSecond() {
    model.check("123456", "4729", "");
    assertProblem(Problem.LENGTH, "Le nouveau code PIN doit avoir de 6 à 8 chiffres.");

    model.check("123456", "4729a3", "");
    assertProblem(Problem.NOT_DIGITS, "Le nouveau code PIN ne doit contenir que des chiffres.");

    model.check("123456", "472913", "");
    assertNull(model.problemProperty().get());
    assertEquals(
        "Tapez le nouveau code une seconde fois pour le confirmer.",
        model.feedbackProperty().get());
    assertFalse(model.acceptedProperty().get());
  }

  @Test
  void trivialPinsAreRefused() {
    for (String trivial : new String[] {"111111", "000000", "234567", "98765432", "890123"}) {
      model.check("123456", trivial, trivial);
      assertEquals(Problem.TRIVIAL, model.problemProperty().get(), trivial);
      assertTrue(model.feedbackProperty().get().contains("trop facile à deviner"), trivial);
      assertFalse(model.acceptedProperty().get(), trivial);
    }
  }

  @Test
  void theCurrentOrFactoryPinIsNotANewPin() {
    model.check("582046", "582046", "582046");
    assertProblem(
        Problem.SAME_AS_CURRENT,
        "Le nouveau code PIN doit être différent du code actuel de la carte et du code d'usine.");

    // 123456 is also a run: a factory PIN of eight digits is refused as such
    model.check("582046", "12345678", "12345678");
    assertFalse(model.acceptedProperty().get());
    assertTrue(model.feedbackIsProblemProperty().get());
  }

  @Test
  void differingEntriesAreSaidOnceTheSecondIsTyped() {
    model.check("123456", "472913", "472914");

    assertProblem(Problem.ENTRIES_DIFFER, "Les deux saisies du nouveau code PIN sont différentes.");
  }

  @Test
  void twoEqualGoodEntriesAndTheCurrentPinMayBeValidated() {
    model.check("", "472913", "472913");
    assertNull(model.problemProperty().get());
    assertEquals("Tapez aussi le code actuel de la carte.", model.feedbackProperty().get());
    assertFalse(model.acceptedProperty().get(), "the card's current PIN is missing");

    model.check("123456", "472913", "472913");

    assertNull(model.problemProperty().get());
    assertFalse(model.feedbackIsProblemProperty().get());
    assertEquals("Le nouveau code convient : vous pouvez valider.", model.feedbackProperty().get());
    assertTrue(model.acceptedProperty().get());

    model.reset();
    assertFalse(model.acceptedProperty().get());
  }

  @Test
  void onceThePinIsChosenOnlyTheHoldersOwnPinIsAsked() {
    pinAlreadyChosen.set(true);

    model.check("", "", "");
    assertTrue(model.pinAlreadyChosen());
    assertEquals("Tapez le code PIN que vous avez choisi.", model.feedbackProperty().get());
    assertFalse(model.acceptedProperty().get());

    model.check("472913", "", "");
    assertEquals("", model.feedbackProperty().get());
    assertTrue(model.acceptedProperty().get(), "no new PIN: the rules are not asked");
  }

  @Test
  void everyProblemHasItsWordsInBothLanguages() {
    for (Problem problem : Problem.values()) {
      String french = HolderPinViewModel.explain(problem);
      assertFalse(french.startsWith("holder."), problem.name());
      Texts.use(Locale.ENGLISH);
      String english = HolderPinViewModel.explain(problem);
      Texts.use(Locale.FRENCH);
      assertFalse(english.startsWith("holder."), problem.name());
      assertFalse(english.equals(french), problem.name());
    }
    Texts.use(Locale.ENGLISH);
    model.check("123456", "472913", "472914");
    assertEquals("The two entries of the new PIN differ.", model.feedbackProperty().get());
  }

  private void assertProblem(Problem expected, String words) {
    assertEquals(expected, model.problemProperty().get());
    assertTrue(model.feedbackIsProblemProperty().get());
    assertEquals(words, model.feedbackProperty().get());
    assertFalse(model.acceptedProperty().get());
  }
}
