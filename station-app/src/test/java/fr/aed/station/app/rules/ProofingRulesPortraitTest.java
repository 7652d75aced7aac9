package fr.aed.station.app.rules;

import static fr.aed.station.app.rules.ProofingRulesTest.MEETING;
import static fr.aed.station.app.rules.ProofingRulesTest.codes;
import static fr.aed.station.app.rules.ProofingRulesTest.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.proofing.FeatureLikeness;
import fr.aed.station.app.domain.proofing.Likeness;
import fr.aed.station.app.domain.proofing.MorphologicalFeature;
import fr.aed.station.app.domain.proofing.PortraitComparison;
import fr.aed.station.app.domain.proofing.PortraitVerdict;
import fr.aed.station.app.rules.MeetingRules.Refusal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProofingRulesPortraitTest {

  private static final LocalDateTime START = MEETING.plusMinutes(4);

  @Test
  void theSampleComparisonPasses() {
    assertEquals(List.of(), check(ProofingRulesTest.sample().portrait()));
  }

  @Test
  void notTheSamePersonIsRefused() {
    List<Refusal> reasons =
        check(comparison(all(Likeness.SIMILAR), PortraitVerdict.NOT_SAME_PERSON, ""));

    assertEquals(List.of("proofing.portrait-not-same-person"), codes(reasons));
    assertEquals(List.of("BIN-8.4.4-01X"), reasons.get(0).requirements());
  }

  @Test
  void everyFeatureIsComparedExactlyOnce() {
    List<FeatureLikeness> features = new ArrayList<>(all(Likeness.SIMILAR));
    features.remove(features.size() - 1);
    features.add(new FeatureLikeness(MorphologicalFeature.NOSE, Likeness.SIMILAR));

    List<Refusal> reasons = check(comparison(features, PortraitVerdict.SAME_PERSON, ""));

    assertEquals(
        List.of(
            "proofing.portrait-features-not-compared", "proofing.portrait-features-compared-twice"),
        codes(reasons));
    assertEquals(List.of("BIN-8.4.4-03"), reasons.get(0).requirements());
    assertEquals(
        "Portrait comparison, features not compared: distinctive marks (moles, scars).",
        reasons.get(0).shown().in(Locale.ENGLISH));
    assertEquals(
        "Comparaison du portrait, traits comparés plusieurs fois : nez.",
        reasons.get(1).shown().inFrench());
  }

  @Test
  void atLeastFiveFeaturesAreSimilar() {
    assertEquals(
        List.of(),
        check(comparison(similarThen(5, Likeness.NOT_VISIBLE), PortraitVerdict.SAME_PERSON, "")));

    Refusal refusal =
        only(
            check(
                comparison(similarThen(4, Likeness.NOT_VISIBLE), PortraitVerdict.SAME_PERSON, "")),
            "proofing.portrait-too-few-similar");
    assertEquals(List.of("BIN-8.4.4-03"), refusal.requirements());
    assertEquals(
        "Seuls 4 traits du visage ont été trouvés semblables au portrait : il en faut au moins 5.",
        refusal.shown().inFrench());
  }

  @Test
  void aDifferenceWithTheSamePersonNeedsAWrittenReason() {
    List<FeatureLikeness> oneDiffers = similarThen(8, Likeness.DIFFERENT);

    Refusal refusal =
        only(
            check(comparison(oneDiffers, PortraitVerdict.SAME_PERSON, "barbe")),
            "proofing.portrait-difference-unexplained");
    assertEquals(List.of("BIN-8.4.4-01X", "BIN-8.4.4-03"), refusal.requirements());
    assertTrue(
        refusal.shown().inFrench().contains("(signes particuliers"), refusal.shown()::inFrench);
    assertEquals(
        List.of(),
        check(comparison(oneDiffers, PortraitVerdict.SAME_PERSON, "Cicatrice récente au menton")));
  }

  @Test
  void theComparisonTakesAtLeastThirtySeconds() {
    List<FeatureLikeness> similar = all(Likeness.SIMILAR);
    assertEquals(List.of(), check(timed(similar, START.plusSeconds(30))));

    Refusal quick =
        only(check(timed(similar, START.plusSeconds(29))), "proofing.portrait-too-quick");
    assertEquals(List.of("BIN-8.4.4-04X"), quick.requirements());
    assertEquals(
        List.of("proofing.portrait-ends-first"),
        codes(check(timed(similar, START.minusSeconds(40)))));
    assertEquals(List.of("proofing.portrait-ends-first"), codes(check(timed(similar, START))));
  }

  // Issue 16, hostile review: a comparison dated away from the meeting, or days long, is no
  // comparison made at the desk.
  @Test
  void theComparisonIsTimedDuringTheMeetingAndLastsAtMostAnHour() {
    List<FeatureLikeness> similar = all(Likeness.SIMILAR);

    Refusal tooLong = only(check(timed(similar, START.plusHours(2))), "proofing.portrait-too-long");
    assertEquals(List.of("BIN-8.4.4-04X"), tooLong.requirements());
    PortraitComparison yearsAgo =
        new PortraitComparison(
            similar,
            PortraitVerdict.SAME_PERSON,
            "",
            MEETING.minusYears(6),
            MEETING.minusYears(6).plusMinutes(5));
    assertEquals(List.of("proofing.portrait-outside-meeting"), codes(check(yearsAgo)));
  }

  private static List<Refusal> check(PortraitComparison portrait) {
    List<Refusal> reasons = new ArrayList<>();
    PortraitRules.check(portrait, MEETING, reasons);
    return reasons;
  }

  private static List<FeatureLikeness> all(Likeness likeness) {
    return Arrays.stream(MorphologicalFeature.values())
        .map(feature -> new FeatureLikeness(feature, likeness))
        .toList();
  }

  /** The first {@code similar} features similar, the others {@code rest}. */
  private static List<FeatureLikeness> similarThen(int similar, Likeness rest) {
    MorphologicalFeature[] features = MorphologicalFeature.values();
    List<FeatureLikeness> compared = new ArrayList<>();
    for (int i = 0; i < features.length; i++) {
      compared.add(new FeatureLikeness(features[i], i < similar ? Likeness.SIMILAR : rest));
    }
    return compared;
  }

  private static PortraitComparison comparison(
      List<FeatureLikeness> features, PortraitVerdict verdict, String reason) {
    return new PortraitComparison(features, verdict, reason, START, START.plusMinutes(2));
  }

  private static PortraitComparison timed(List<FeatureLikeness> features, LocalDateTime end) {
    return new PortraitComparison(features, PortraitVerdict.SAME_PERSON, "", START, end);
  }
}
