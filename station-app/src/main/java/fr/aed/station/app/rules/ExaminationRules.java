package fr.aed.station.app.rules;

import fr.aed.station.app.catalogue.CatalogueDocument;
import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.catalogue.SecurityFeature;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.domain.proofing.DocumentExamination;
import fr.aed.station.app.domain.proofing.FeatureCheck;
import fr.aed.station.app.domain.proofing.FeatureVerdict;
import fr.aed.station.app.rules.MeetingRules.Refusal;
import fr.aed.station.app.text.Message;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of the document examination (TS 119 461 VAL-8.3.1-05, -06X, -08X; VAL-8.3.3-06, -07X,
 * -07B, -07C, -08): an accepted document, judged by this station's catalogue, on features the
 * station drew at random, each given one verdict, enough of them conforming, none not conforming.
 */
final class ExaminationRules {

  /**
   * The examination may be dated this long before the meeting's time: the time the officer types is
   * the appointment's, and an officer may start with a holder who came early; an examination older
   * than that belongs to another meeting.
   */
  static final Duration EARLIEST_BEFORE_MEETING = Duration.ofHours(2);

  private final DocumentCatalogue catalogue;

  ExaminationRules(DocumentCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /**
   * Every reason the examination of {@code presented} refuses the meeting held at {@code heldAt}.
   */
  void check(
      IdentityDocument presented,
      DocumentExamination examination,
      LocalDateTime heldAt,
      List<Refusal> reasons) {
    checkTime(examination.examinedAt(), heldAt, reasons);
    if (!examination.referenceConsulted()) {
      reasons.add(
          Refusal.of("proofing.reference-not-consulted").citing("VAL-8.3.3-06", "VAL-8.3.3-07C"));
    }
    if (!examination.catalogueVersion().equals(catalogue.version())) {
      reasons.add(
          Refusal.of(
                  "proofing.catalogue-version", examination.catalogueVersion(), catalogue.version())
              .citing("VAL-8.3.3-06"));
    }
    Optional<CatalogueDocument> entry = catalogue.entryFor(presented);
    if (entry.isEmpty()) {
      reasons.add(
          Refusal.of(
                  "proofing.document-not-accepted",
                  Message.of("document-type." + presented.type().name()),
                  presented.issuingState(),
                  catalogue.version())
              .citing("VAL-8.3.1-05", "VAL-8.3.1-06X"));
    } else if (!entry.get().id().equals(examination.document())) {
      reasons.add(
          Refusal.of("proofing.examined-other-document", examination.document(), entry.get().name())
              .citing("VAL-8.3.3-06"));
    } else {
      checkDraw(entry.get(), examination, reasons);
      checkVerdicts(entry.get(), examination, reasons);
    }
  }

  private static void checkTime(
      LocalDateTime examinedAt, LocalDateTime heldAt, List<Refusal> reasons) {
    if (examinedAt.isBefore(heldAt.minus(EARLIEST_BEFORE_MEETING))) {
      reasons.add(
          Refusal.of("proofing.examined-before-meeting", EARLIEST_BEFORE_MEETING.toHours())
              .citing("VAL-8.3.1-08X"));
    } else if (examinedAt.isAfter(heldAt.plus(ProofingRules.LONGEST_MEETING))) {
      reasons.add(
          Refusal.of("proofing.examined-after-meeting", ProofingRules.LONGEST_MEETING.toHours())
              .citing("VAL-8.3.1-08X"));
    }
  }

  // The station draws FEATURES_TO_CHECK distinct features of the document, and one more for each
  // that could not be checked: a longer list means the officer chose the features.
  private static void checkDraw(
      CatalogueDocument entry, DocumentExamination examination, List<Refusal> reasons) {
    Set<String> seen = new HashSet<>();
    for (String drawn : examination.drawn()) {
      if (entry.feature(drawn).isEmpty()) {
        reasons.add(
            Refusal.of("proofing.feature-not-of-document", drawn, entry.name())
                .citing("VAL-8.3.3-07B"));
      } else if (!seen.add(drawn)) {
        reasons.add(Refusal.of("proofing.feature-drawn-twice", drawn).citing("VAL-8.3.3-07B"));
      }
    }
    long notVerifiable =
        examination.checks().stream()
            .filter(check -> check.verdict() == FeatureVerdict.NOT_VERIFIABLE)
            .count();
    if (examination.drawn().size() > DocumentCatalogue.FEATURES_TO_CHECK + notVerifiable) {
      reasons.add(
          Refusal.of("proofing.too-many-drawn", examination.drawn().size(), notVerifiable)
              .citing("VAL-8.3.3-07B"));
    }
  }

  private static void checkVerdicts(
      CatalogueDocument entry, DocumentExamination examination, List<Refusal> reasons) {
    Set<String> judged = new HashSet<>();
    for (FeatureCheck check : examination.checks()) {
      if (!examination.drawn().contains(check.feature())) {
        reasons.add(
            Refusal.of("proofing.feature-not-drawn", check.feature()).citing("VAL-8.3.3-07B"));
      } else if (!judged.add(check.feature())) {
        reasons.add(
            Refusal.of("proofing.feature-judged-twice", check.feature()).citing("VAL-8.3.3-07X"));
      } else if (check.verdict() == FeatureVerdict.DOES_NOT_CONFORM) {
        reasons.add(
            named(entry, check.feature(), "proofing.feature-does-not-conform")
                .citing("VAL-8.3.3-07C", "VAL-8.3.1-08X"));
      } else if (check.verdict() == FeatureVerdict.CONFORMS
          && entry.feature(check.feature()).filter(f -> f.tool() != check.tool()).isPresent()) {
        // A fluorescence is not seen by eye, a relief not by a magnifier: without the catalogue's
        // tool the feature cannot be checked here.
        reasons.add(
            named(entry, check.feature(), "proofing.feature-other-tool")
                .citing("VAL-8.3.3-08", "VAL-8.3.3-16"));
      }
    }
    examination.drawn().stream()
        .distinct()
        .filter(drawn -> !judged.contains(drawn) && entry.feature(drawn).isPresent())
        .forEach(
            drawn ->
                reasons.add(
                    named(entry, drawn, "proofing.feature-not-judged").citing("VAL-8.3.3-07X")));
    long conforming = conforming(entry, examination);
    if (conforming < DocumentCatalogue.FEATURES_TO_CHECK) {
      reasons.add(
          Refusal.of(
                  "proofing.not-enough-conforming", conforming, DocumentCatalogue.FEATURES_TO_CHECK)
              .citing("VAL-8.3.3-07X"));
    }
  }

  // A feature judged twice, never drawn or not of the document proves nothing: only the first
  // verdict on a drawn feature of the document counts.
  private static long conforming(CatalogueDocument entry, DocumentExamination examination) {
    Set<String> counted = new HashSet<>();
    return examination.checks().stream()
        .filter(check -> examination.drawn().contains(check.feature()))
        .filter(check -> entry.feature(check.feature()).isPresent())
        .filter(check -> counted.add(check.feature()))
        .filter(check -> check.verdict() == FeatureVerdict.CONFORMS)
        .count();
  }

  // Shown with the feature's name in the officer's language, recorded with its catalogue id.
  private static Refusal named(CatalogueDocument entry, String featureId, String key) {
    Optional<SecurityFeature> feature = entry.feature(featureId);
    Message shown =
        feature.isPresent() ? Message.of(key, feature.get().name()) : Message.of(key, featureId);
    return new Refusal(shown, Message.of(key, featureId));
  }
}
