package fr.aed.station.app.rules;

import fr.aed.station.app.domain.proofing.FeatureLikeness;
import fr.aed.station.app.domain.proofing.Likeness;
import fr.aed.station.app.domain.proofing.MorphologicalFeature;
import fr.aed.station.app.domain.proofing.PortraitComparison;
import fr.aed.station.app.domain.proofing.PortraitVerdict;
import fr.aed.station.app.rules.MeetingRules.Refusal;
import fr.aed.station.app.text.Message;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rules of the portrait comparison (TS 119 461 BIN-8.4.4-01X, -03, -04X): the same person,
 * found by comparing every facial feature of the list once, most of them alike, any difference
 * explained, and time taken to look.
 */
final class PortraitRules {

  /**
   * At least this many of the nine features must be found similar: a few may be hidden (hair, a
   * scarf, glasses) or changed with age, but a verdict resting on fewer than five, a majority of
   * the face, rests on too little.
   */
  static final int MINIMUM_SIMILAR = 5;

  /**
   * A comparison of nine features, one by one, takes longer than this; a verdict given faster is a
   * tick, not a comparison.
   */
  static final Duration MINIMUM_TIME = Duration.ofSeconds(30);

  // One face against one portrait: a comparison said to last longer was not timed at the desk.
  static final Duration LONGEST_TIME = Duration.ofHours(1);

  private PortraitRules() {}

  /** Every reason the comparison refuses the meeting, added to {@code reasons}. */
  static void check(PortraitComparison portrait, LocalDateTime heldAt, List<Refusal> reasons) {
    if (portrait.verdict() == PortraitVerdict.NOT_SAME_PERSON) {
      reasons.add(Refusal.of("proofing.portrait-not-same-person").citing("BIN-8.4.4-01X"));
    }
    checkEveryFeatureOnce(portrait, reasons);
    long similar = portrait.count(Likeness.SIMILAR);
    if (similar < MINIMUM_SIMILAR) {
      reasons.add(
          Refusal.of("proofing.portrait-too-few-similar", similar, MINIMUM_SIMILAR)
              .citing("BIN-8.4.4-03"));
    }
    if (portrait.verdict() == PortraitVerdict.SAME_PERSON
        && portrait.count(Likeness.DIFFERENT) > 0
        && !WrittenReason.given(portrait.differenceReason())) {
      reasons.add(
          Refusal.of("proofing.portrait-difference-unexplained", differing(portrait))
              .citing("BIN-8.4.4-01X", "BIN-8.4.4-03"));
    }
    checkTime(portrait, heldAt, reasons);
  }

  // Long enough to be a comparison, short enough to be one, and during the meeting.
  private static void checkTime(
      PortraitComparison portrait, LocalDateTime heldAt, List<Refusal> reasons) {
    if (!portrait.endedAt().isAfter(portrait.startedAt())) {
      reasons.add(Refusal.of("proofing.portrait-ends-first").citing("BIN-8.4.4-04X"));
    } else if (portrait.timeSpent().compareTo(MINIMUM_TIME) < 0) {
      reasons.add(
          Refusal.of("proofing.portrait-too-quick", MINIMUM_TIME.toSeconds())
              .citing("BIN-8.4.4-04X"));
    } else if (portrait.timeSpent().compareTo(LONGEST_TIME) > 0) {
      reasons.add(
          Refusal.of("proofing.portrait-too-long", LONGEST_TIME.toMinutes())
              .citing("BIN-8.4.4-04X"));
    }
    if (portrait.startedAt().isBefore(heldAt.minus(ExaminationRules.EARLIEST_BEFORE_MEETING))
        || portrait.endedAt().isAfter(heldAt.plus(ProofingRules.LONGEST_MEETING))) {
      reasons.add(
          Refusal.of(
                  "proofing.portrait-outside-meeting",
                  ExaminationRules.EARLIEST_BEFORE_MEETING.toHours(),
                  ProofingRules.LONGEST_MEETING.toHours())
              .citing("BIN-8.4.4-04X", "ISS-8.5.2-05A"));
    }
  }

  private static void checkEveryFeatureOnce(PortraitComparison portrait, List<Refusal> reasons) {
    Map<MorphologicalFeature, Integer> times = new EnumMap<>(MorphologicalFeature.class);
    portrait.features().forEach(f -> times.merge(f.feature(), 1, Integer::sum));
    List<Message> missing =
        Arrays.stream(MorphologicalFeature.values())
            .filter(feature -> !times.containsKey(feature))
            .map(PortraitRules::name)
            .toList();
    if (!missing.isEmpty()) {
      reasons.add(
          Refusal.of("proofing.portrait-features-not-compared", missing).citing("BIN-8.4.4-03"));
    }
    List<Message> twice =
        times.entrySet().stream()
            .filter(entry -> entry.getValue() > 1)
            .map(entry -> name(entry.getKey()))
            .toList();
    if (!twice.isEmpty()) {
      reasons.add(
          Refusal.of("proofing.portrait-features-compared-twice", twice).citing("BIN-8.4.4-03"));
    }
  }

  private static List<Message> differing(PortraitComparison portrait) {
    return portrait.features().stream()
        .filter(feature -> feature.likeness() == Likeness.DIFFERENT)
        .map(FeatureLikeness::feature)
        .distinct()
        .map(PortraitRules::name)
        .toList();
  }

  static Message name(MorphologicalFeature feature) {
    return Message.of("proofing.face." + feature.name().toLowerCase(Locale.ROOT).replace('_', '-'));
  }
}
