package fr.aed.station.app.gui;

import fr.aed.station.app.domain.proofing.FeatureLikeness;
import fr.aed.station.app.domain.proofing.Likeness;
import fr.aed.station.app.domain.proofing.MorphologicalFeature;
import fr.aed.station.app.domain.proofing.PortraitComparison;
import fr.aed.station.app.domain.proofing.PortraitVerdict;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The portrait comparison step (TS 119 461 BIN-8.4.4): each facial feature of the document's
 * portrait compared with the person present, then the verdict. The comparison starts when the step
 * first opens and ends when the verdict is given; the time spent is shown. A feature found
 * different while the verdict is the same person asks for the officer's written reason.
 */
public final class PortraitStepViewModel {

  private final Clock clock;
  private final Map<MorphologicalFeature, ObjectProperty<Likeness>> likeness =
      new EnumMap<>(MorphologicalFeature.class);
  private final ObjectProperty<PortraitVerdict> verdict = new SimpleObjectProperty<>();
  private final StringProperty differenceReason = new SimpleStringProperty("");
  private final ReadOnlyBooleanWrapper reasonAsked = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper timeSpent = new ReadOnlyStringWrapper("");
  private final List<Runnable> onChange = new ArrayList<>();
  private LocalDateTime startedAt;
  private LocalDateTime endedAt;

  PortraitStepViewModel(Clock clock) {
    this.clock = clock;
    for (MorphologicalFeature feature : MorphologicalFeature.values()) {
      ObjectProperty<Likeness> seen = new SimpleObjectProperty<>();
      seen.addListener((obs, old, now) -> update());
      likeness.put(feature, seen);
    }
    verdict.addListener((obs, old, now) -> verdictGiven(now));
    differenceReason.addListener((obs, old, now) -> update());
    update();
  }

  /** The comparison starts the first time the step opens. */
  void open() {
    if (startedAt == null) {
      startedAt = LocalDateTime.now(clock);
      update();
    }
  }

  private void verdictGiven(PortraitVerdict given) {
    endedAt = given == null || startedAt == null ? null : LocalDateTime.now(clock);
    update();
  }

  private void update() {
    reasonAsked.set(
        verdict.get() == PortraitVerdict.SAME_PERSON
            && likeness.values().stream().anyMatch(seen -> seen.get() == Likeness.DIFFERENT));
    complete.set(
        endedAt != null && likeness.values().stream().allMatch(seen -> seen.get() != null));
    timeSpent.set(endedAt == null ? "" : spent(Duration.between(startedAt, endedAt)));
    onChange.forEach(Runnable::run);
  }

  private static String spent(Duration time) {
    return Texts.get("portrait.time-spent", time.toMinutes(), time.toSecondsPart());
  }

  /** Runs {@code listener} at each change of what the officer recorded. */
  void onChange(Runnable listener) {
    onChange.add(listener);
  }

  /** How {@code feature} compares: similar, different, not visible; null until the officer says. */
  public ObjectProperty<Likeness> likenessProperty(MorphologicalFeature feature) {
    return likeness.get(feature);
  }

  /** The officer's conclusion; null until given. */
  public ObjectProperty<PortraitVerdict> verdictProperty() {
    return verdict;
  }

  /** Why the same person although a feature differs (a new scar, a beard). */
  public StringProperty differenceReasonProperty() {
    return differenceReason;
  }

  /** Whether a feature differs and the verdict is the same person: a reason is asked. */
  public ReadOnlyBooleanProperty reasonAskedProperty() {
    return reasonAsked.getReadOnlyProperty();
  }

  /** Whether every feature is compared and the verdict given. */
  public ReadOnlyBooleanProperty completeProperty() {
    return complete.getReadOnlyProperty();
  }

  /** The time spent from the step's opening to the verdict, in words; empty before the verdict. */
  public ReadOnlyStringProperty timeSpentProperty() {
    return timeSpent.getReadOnlyProperty();
  }

  /** The clock the comparison is timed by. */
  Clock clock() {
    return clock;
  }

  /** Whether the officer concluded the portrait shows the person present. */
  boolean samePerson() {
    return verdict.get() == PortraitVerdict.SAME_PERSON;
  }

  /** The comparison as recorded, once complete. */
  Optional<PortraitComparison> comparison() {
    if (!complete.get()) {
      return Optional.empty();
    }
    return Optional.of(
        new PortraitComparison(
            likeness.entrySet().stream()
                .map(seen -> new FeatureLikeness(seen.getKey(), seen.getValue().get()))
                .toList(),
            verdict.get(),
            reasonAsked.get() ? differenceReason.get().strip() : "",
            startedAt,
            endedAt));
  }
}
