package fr.aed.station.app.gui;

import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.domain.proofing.FeatureVerdict;
import fr.aed.station.app.domain.proofing.Likeness;
import fr.aed.station.app.domain.proofing.MorphologicalFeature;
import fr.aed.station.app.domain.proofing.PortraitVerdict;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextInputControl;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The identity proofing as an officer does it at a meeting that passes, for the GUI tests: through
 * the view models, or through the window's fields.
 */
final class Proofings {

  /** Longer than the rules ask the officer to compare the portrait. */
  static final Duration PORTRAIT_TIME = Duration.ofSeconds(45);

  /** The extract's reference the tests type. */
  static final String EXTRACT = "RCS Besançon 912 345 675";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private Proofings() {}

  /**
   * Everything the proofing asks, done as a meeting that passes: the names as printed (the
   * dossier's), every drawn feature conforming, the portrait alike, the extract's reference, and
   * the holder's consent.
   */
  static MeetingWizardViewModel done(MeetingWizardViewModel model) {
    Holder holder = model.imported().dossier().holder();
    IdentityStepViewModel identity = model.identity();
    identity.printedSurnameProperty().set(holder.surname());
    identity.printedGivenNamesProperty().set(String.join(" ", holder.givenNames()));
    identity.printedBirthDateProperty().set(DAY.format(holder.birthDate()));
    documentConforms(model);
    samePerson(model);
    model.company().extractReferenceProperty().set(EXTRACT);
    model.holderPin().acceptNotice();
    return model;
  }

  /** The reference description at hand, every feature the station draws found conforming. */
  static void documentConforms(MeetingWizardViewModel model) {
    model.document().open();
    model.document().referenceAtHandProperty().set(true);
    model.document().features().forEach(row -> row.verdictProperty().set(FeatureVerdict.CONFORMS));
  }

  /** Every facial feature alike, compared for as long as the rules ask, the same person. */
  static void samePerson(MeetingWizardViewModel model) {
    PortraitStepViewModel portrait = model.portrait();
    portrait.open();
    for (MorphologicalFeature feature : MorphologicalFeature.values()) {
      portrait.likenessProperty(feature).set(Likeness.SIMILAR);
    }
    letTimePass(portrait);
    portrait.verdictProperty().set(PortraitVerdict.SAME_PERSON);
  }

  static void letTimePass(PortraitStepViewModel portrait) {
    if (portrait.clock() instanceof TestContexts.TestClock clock) {
      clock.advance(PORTRAIT_TIME);
    }
  }

  /** On the identity step: the names and birth date as printed, typed. */
  static void typePrintedNames(FxRobot robot, Holder holder) {
    type(robot, "#printed-surname", holder.surname());
    type(robot, "#printed-given-names", String.join(" ", holder.givenNames()));
    type(robot, "#printed-birth-date", DAY.format(holder.birthDate()));
  }

  /**
   * On the document step: the reference description at hand, each drawn feature found conforming
   * (three of them).
   */
  static void documentConforms(FxRobot robot) {
    robot.interact(
        () -> robot.lookup("#reference-at-hand").queryAs(CheckBox.class).setSelected(true));
    for (int i = 0; i < 3; i++) {
      fire(robot, "#feature-" + i + "-CONFORMS");
    }
  }

  /** On the portrait step: each feature alike, time passing, then the same person. */
  static void samePerson(FxRobot robot, TestContexts.TestClock clock) {
    for (MorphologicalFeature feature : MorphologicalFeature.values()) {
      fire(robot, "#portrait-" + feature.name() + "-SIMILAR");
    }
    clock.advance(PORTRAIT_TIME);
    fire(robot, "#portrait-verdict-SAME_PERSON");
  }

  /**
   * From the identity step to the token step, as a meeting that passes: the original seen, the
   * names typed as printed, the document examined, the portrait compared, the extract's reference.
   */
  static void identityToToken(FxRobot robot, TestContexts.TestClock clock, Holder holder) {
    robot.clickOn("#original-seen");
    typePrintedNames(robot, holder);
    robot.clickOn("#next");
    documentConforms(robot);
    robot.clickOn("#next");
    samePerson(robot, clock);
    robot.clickOn("#next");
    typeExtractReference(robot);
    robot.clickOn("#next").clickOn("#next");
  }

  /** On the holder's screen: the notice read and accepted, before the PIN. */
  static void holderAccepts(FxRobot robot) {
    robot.clickOn("#holder-accept");
  }

  /** On the company step: the extract's reference. */
  static void typeExtractReference(FxRobot robot) {
    type(robot, "#extract-reference", EXTRACT);
  }

  // Fired rather than clicked: a page taller than the window keeps some choices below the fold.
  static void fire(FxRobot robot, String id) {
    robot.interact(() -> robot.lookup(id).queryAs(ButtonBase.class).fire());
    WaitForAsyncUtils.waitForFxEvents();
  }

  static void type(FxRobot robot, String id, String text) {
    robot.interact(() -> robot.lookup(id).queryAs(TextInputControl.class).setText(text));
    WaitForAsyncUtils.waitForFxEvents();
  }
}
