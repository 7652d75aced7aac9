package fr.aed.station.app.gui;

import fr.aed.station.app.domain.proofing.HolderConsent;
import fr.aed.station.app.rules.HolderPinRules;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The holder's screen as they type: the card's current PIN, then the PIN they choose, typed twice,
 * checked against {@link HolderPinRules} at each key, the rule broken said in plain words, and
 * whether the entries may be given to the card. When the meeting resumes after the holder already
 * chose their PIN, only that PIN is asked. What is typed is read as characters and wiped at once:
 * nothing of it is kept here. Before any PIN, the holder reads the information notice (what is
 * recorded, for how long, their duties) and accepts it by an explicit act, recorded with its time
 * (TS 119 461 INI-8.1-01X, -03X; EN 319 411-1 REG-6.3.4-10A, -11A).
 */
public final class HolderPinViewModel {

  private final ObservableBooleanValue pinAlreadyChosen;
  private final Clock clock;
  private final ReadOnlyObjectWrapper<HolderConsent> consent = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<HolderPinRules.Problem> problem =
      new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper accepted = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper feedbackIsProblem = new ReadOnlyBooleanWrapper();

  /**
   * @param pinAlreadyChosen whether the holder replaced the card's PIN earlier in this meeting: the
   *     card then wants their own PIN only
   * @param clock the station's clock, for the time of the holder's consent
   * @param given the consent already recorded for this meeting (taken up), or null
   */
  HolderPinViewModel(ObservableBooleanValue pinAlreadyChosen, Clock clock, HolderConsent given) {
    this.pinAlreadyChosen = pinAlreadyChosen;
    this.clock = clock;
    consent.set(given);
  }

  /** The holder's consent to the notice shown, once they accepted it; null before. */
  public ReadOnlyObjectProperty<HolderConsent> consentProperty() {
    return consent.getReadOnlyProperty();
  }

  /** The holder read the information notice and accepts it: the time is recorded, once. */
  public void acceptNotice() {
    if (consent.get() == null) {
      consent.set(new HolderConsent(HolderConsent.CURRENT_NOTICE, LocalDateTime.now(clock)));
    }
  }

  /** Whether only the holder's own PIN is asked (a resumed meeting where it was already chosen). */
  public boolean pinAlreadyChosen() {
    return pinAlreadyChosen.get();
  }

  /** The rule the new PIN breaks as typed so far; null when none, or before it is typed. */
  public ReadOnlyObjectProperty<HolderPinRules.Problem> problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /**
   * What the holder reads below the fields: the rule broken, what to type next, or that it is ok.
   */
  public ReadOnlyStringProperty feedbackProperty() {
    return feedback.getReadOnlyProperty();
  }

  /** Whether the feedback is a rule broken (shown as an error), not a hint. */
  public ReadOnlyBooleanProperty feedbackIsProblemProperty() {
    return feedbackIsProblem.getReadOnlyProperty();
  }

  /** Whether the entries may be given to the card: the rules pass and the current PIN is typed. */
  public ReadOnlyBooleanProperty acceptedProperty() {
    return accepted.getReadOnlyProperty();
  }

  /**
   * Checks the entries as typed so far; called at each key. Only the characters are read, copied
   * for the rules and wiped.
   *
   * @param current the card's current PIN (the holder's own when already chosen)
   * @param chosen the new PIN, first entry (ignored when the PIN was already chosen)
   * @param confirmed the new PIN, second entry (ignored when the PIN was already chosen)
   */
  public void check(CharSequence current, CharSequence chosen, CharSequence confirmed) {
    if (pinAlreadyChosen.get()) {
      show(null, current.length() == 0 ? Texts.get("holder.feedback.own-pin") : "");
      accepted.set(current.length() > 0);
      return;
    }
    if (chosen.length() == 0) {
      show(null, Texts.get("holder.feedback.choose"));
      accepted.set(false);
      return;
    }
    Optional<HolderPinRules.Problem> broken = rules(current, chosen, confirmed);
    if (broken.isPresent()) {
      show(broken.get(), explain(broken.get()));
    } else if (confirmed.length() == 0) {
      show(null, Texts.get("holder.feedback.confirm"));
    } else if (current.length() == 0) {
      show(null, Texts.get("holder.feedback.current"));
    } else {
      show(null, Texts.get("holder.feedback.ok"));
    }
    accepted.set(broken.isEmpty() && confirmed.length() > 0 && current.length() > 0);
  }

  /** Back to nothing typed, as the screen opens. */
  public void reset() {
    check("", "", "");
  }

  // The first entry alone while the second is not typed yet, then both: the holder is told the
  // rule as soon as the first entry breaks it, and a difference only once they confirm.
  private static Optional<HolderPinRules.Problem> rules(
      CharSequence current, CharSequence chosen, CharSequence confirmed) {
    char[] currentPin = current.length() == 0 ? null : characters(current);
    char[] chosenPin = characters(chosen);
    char[] confirmedPin = characters(confirmed);
    try {
      Optional<HolderPinRules.Problem> alone = HolderPinRules.check(chosenPin, currentPin);
      if (alone.isPresent() || confirmedPin.length == 0) {
        return alone;
      }
      return HolderPinRules.check(chosenPin, confirmedPin, currentPin);
    } finally {
      wipe(currentPin);
      wipe(chosenPin);
      wipe(confirmedPin);
    }
  }

  private void show(HolderPinRules.Problem broken, String text) {
    problem.set(broken);
    feedbackIsProblem.set(broken != null);
    feedback.set(text);
  }

  /** The rule broken, in the holder's words and the window's language. */
  static String explain(HolderPinRules.Problem problem) {
    return Texts.get("holder.problem." + problem.name());
  }

  private static char[] characters(CharSequence typed) {
    char[] secret = new char[typed.length()];
    for (int i = 0; i < secret.length; i++) {
      secret[i] = typed.charAt(i);
    }
    return secret;
  }

  private static void wipe(char[] secret) {
    if (secret != null) {
      Arrays.fill(secret, '\0');
    }
  }
}
