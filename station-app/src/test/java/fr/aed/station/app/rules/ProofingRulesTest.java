package fr.aed.station.app.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.catalogue.SecurityFeature;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.domain.IdentityDocumentType;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.domain.proofing.AuthoritySource;
import fr.aed.station.app.domain.proofing.DocumentExamination;
import fr.aed.station.app.domain.proofing.ExaminationTool;
import fr.aed.station.app.domain.proofing.FeatureCheck;
import fr.aed.station.app.domain.proofing.FeatureVerdict;
import fr.aed.station.app.domain.proofing.HolderConsent;
import fr.aed.station.app.domain.proofing.Proofing;
import fr.aed.station.app.domain.proofing.RepresentationAuthority;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.rules.MeetingRules.Refusal;
import fr.aed.station.app.text.Message;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The examination, the authority and the consent; the portrait and the names have their own. */
class ProofingRulesTest {

  static final LocalDateTime MEETING = LocalDateTime.of(2026, 11, 24, 10, 30);

  private final ProofingRules rules = new ProofingRules(DocumentCatalogue.builtIn());

  @Test
  void theSampleProofingPasses() {
    assertEquals(List.of(), rules.reasons(SampleEnrollment.at(MEETING)));
  }

  @Test
  void aFeatureNotConformingRefusesNamingIt() {
    List<Refusal> reasons =
        rules.reasons(examined(checks(FeatureVerdict.CONFORMS, FeatureVerdict.DOES_NOT_CONFORM)));

    Refusal refusal = only(reasons, "proofing.feature-does-not-conform");
    assertEquals(List.of("VAL-8.3.3-07C", "VAL-8.3.1-08X"), refusal.requirements());
    assertTrue(refusal.shown().in(Locale.ENGLISH).contains("\"Ghost image\""));
    assertTrue(refusal.shown().inFrench().contains("« Image fantôme »"));
    assertTrue(refusal.recorded().inFrench().contains("« ghost-image »"));
    // two conforming features are not enough either
    assertEquals(
        List.of("VAL-8.3.3-07X"), only(reasons, "proofing.not-enough-conforming").requirements());
    assertEquals(2, reasons.size());
  }

  @Test
  void aFeatureThatCannotBeCheckedIsReplacedByAnotherDraw() {
    List<String> drawn = List.of("dovid", "ghost-image", "tactile-relief", "uv-printing");
    List<FeatureCheck> checks =
        List.of(
            check("dovid", FeatureVerdict.CONFORMS),
            check("ghost-image", FeatureVerdict.NOT_VERIFIABLE),
            check("tactile-relief", FeatureVerdict.CONFORMS),
            check("uv-printing", FeatureVerdict.CONFORMS));

    assertEquals(List.of(), rules.reasons(examined(drawn, checks)));
  }

  @Test
  void aFeatureNotVerifiableWithoutAnotherDrawLeavesTooFewConforming() {
    Refusal refusal =
        only(
            rules.reasons(examined(checks(FeatureVerdict.CONFORMS, FeatureVerdict.NOT_VERIFIABLE))),
            "proofing.not-enough-conforming");

    assertEquals(
        "Seuls 2 éléments de sécurité ont été trouvés conformes : il en faut au moins 3.",
        refusal.shown().inFrench());
    assertEquals(
        "Only 2 security features were found conforming: at least 3 are needed.",
        refusal.shown().in(Locale.ENGLISH));
  }

  @Test
  void moreFeaturesDrawnThanTheStationDrawsIsRefused() {
    List<String> drawn = List.of("dovid", "ghost-image", "tactile-relief", "uv-printing");
    List<FeatureCheck> checks =
        new ArrayList<>(checks(FeatureVerdict.CONFORMS, FeatureVerdict.CONFORMS));
    checks.add(check("uv-printing", FeatureVerdict.CONFORMS));

    List<Refusal> reasons = rules.reasons(examined(drawn, checks));

    assertEquals(List.of("proofing.too-many-drawn"), codes(reasons));
    assertEquals(List.of("VAL-8.3.3-07B"), reasons.get(0).requirements());
  }

  @Test
  void everyDrawnFeatureIsJudgedOnceAndOnlyDrawnOnesAre() {
    List<FeatureCheck> checks =
        List.of(
            check("dovid", FeatureVerdict.CONFORMS),
            check("dovid", FeatureVerdict.CONFORMS),
            check("microtext", FeatureVerdict.CONFORMS),
            check("ghost-image", FeatureVerdict.CONFORMS));

    List<Refusal> reasons = rules.reasons(examined(sampleDrawn(), checks));

    assertEquals(
        List.of(
            "proofing.feature-judged-twice",
            "proofing.feature-not-drawn",
            "proofing.feature-not-judged",
            "proofing.not-enough-conforming"),
        codes(reasons));
    assertEquals(List.of("VAL-8.3.3-07B"), reasons.get(1).requirements());
    assertTrue(reasons.get(2).shown().inFrench().contains("Relief tactile"));
  }

  @Test
  void theDrawHoldsDistinctFeaturesOfTheDocument() {
    List<String> drawn = List.of("dovid", "dovid", "watermark");
    List<FeatureCheck> checks =
        List.of(
            check("dovid", FeatureVerdict.CONFORMS), check("watermark", FeatureVerdict.CONFORMS));

    List<Refusal> reasons = rules.reasons(examined(drawn, checks));

    assertEquals(
        List.of(
            "proofing.feature-drawn-twice",
            "proofing.feature-not-of-document",
            "proofing.not-enough-conforming"),
        codes(reasons));
    assertEquals(List.of("VAL-8.3.3-07B"), reasons.get(1).requirements());
  }

  @Test
  void theReferenceDescriptionMustBeConsulted() {
    DocumentExamination sample = sample().examination();
    Enrollment refused =
        with(
            examination(
                new DocumentExamination(
                    sample.catalogueVersion(),
                    sample.document(),
                    sample.drawn(),
                    sample.checks(),
                    false,
                    sample.examinedAt())));

    List<Refusal> reasons = rules.reasons(refused);
    assertEquals(List.of("proofing.reference-not-consulted"), codes(reasons));
    assertEquals(List.of("VAL-8.3.3-06", "VAL-8.3.3-07C"), reasons.get(0).requirements());
  }

  @Test
  void theExaminationIsJudgedByTheStationsCatalogueVersion() {
    DocumentExamination sample = sample().examination();
    Enrollment older =
        with(
            examination(
                new DocumentExamination(
                    "2025-01-01",
                    sample.document(),
                    sample.drawn(),
                    sample.checks(),
                    true,
                    sample.examinedAt())));

    Refusal refusal = only(rules.reasons(older), "proofing.catalogue-version");
    assertTrue(refusal.shown().inFrench().contains("2025-01-01"));
    assertEquals(List.of("VAL-8.3.3-06"), refusal.requirements());
  }

  @Test
  void theExaminationIsOfTheDocumentPresented() {
    DocumentExamination sample = sample().examination();
    Enrollment other =
        with(
            examination(
                new DocumentExamination(
                    sample.catalogueVersion(),
                    "FRA-PASSPORT",
                    sample.drawn(),
                    sample.checks(),
                    true,
                    sample.examinedAt())));

    List<Refusal> reasons = rules.reasons(other);
    assertEquals(List.of("proofing.examined-other-document"), codes(reasons));
    assertEquals(List.of("VAL-8.3.3-06"), reasons.get(0).requirements());
  }

  @Test
  void aDocumentTheCatalogueDoesNotAcceptIsRefused() {
    Enrollment sample = SampleEnrollment.at(MEETING);
    IdentityDocument swiss =
        new IdentityDocument(
            IdentityDocumentType.PASSPORT, "X1234567", "CHE", MEETING.toLocalDate().plusYears(5));
    Enrollment refused =
        new Enrollment(
            sample.dossier(), sample.meeting().withIdentityDocument(swiss, sample.meeting().mrz()));

    Refusal refusal = only(rules.reasons(refused), "proofing.document-not-accepted");
    assertEquals(List.of("VAL-8.3.1-05", "VAL-8.3.1-06X"), refusal.requirements());
    assertTrue(refusal.shown().in(Locale.ENGLISH).contains("Passport issued by CHE"));
  }

  @Test
  void theExaminationIsDatedOfTheMeeting() {
    assertEquals(List.of(), rules.reasons(examinedAt(MEETING.minusMinutes(110))));
    assertEquals(List.of(), rules.reasons(examinedAt(MEETING.plusHours(4))));
    List<Refusal> before = rules.reasons(examinedAt(MEETING.minusHours(3)));
    assertEquals(List.of("proofing.examined-before-meeting"), codes(before));
    assertEquals(List.of("VAL-8.3.1-08X"), before.get(0).requirements());
    List<Refusal> after = rules.reasons(examinedAt(MEETING.plusHours(4).plusMinutes(1)));
    assertEquals(List.of("proofing.examined-after-meeting"), codes(after));
    assertEquals(
        "L'examen de la pièce est daté de plus de 4 heures après l'heure du rendez-vous.",
        after.get(0).shown().inFrench());
  }

  @Test
  void aMeetingGoingOnPastMidnightIsOneMeeting() {
    LocalDateTime lateEvening = LocalDateTime.of(2026, 11, 24, 23, 55);

    assertEquals(List.of(), rules.reasons(SampleEnrollment.at(lateEvening)));
  }

  @Test
  void aLegalRepresentativeHasNoMandate() {
    List<Refusal> reasons =
        rules.reasons(withMandate("Mandat de M. Martin du 02/11/2026", legalRepresentative()));

    assertEquals(List.of("proofing.representative-with-mandate"), codes(reasons));
    assertEquals(List.of("BIN-8.4.5-01", "COL-8.2.2.3-03"), reasons.get(0).requirements());
  }

  @Test
  void aDelegationNeedsTheMandateAndTheGrantorsDocument() {
    RepresentationAuthority bare =
        new RepresentationAuthority(AuthoritySource.DELEGATION, "RCS Besançon 912 345 675", false);
    List<Refusal> reasons = rules.reasons(withMandate("", bare));

    assertEquals(
        List.of(
            "proofing.delegation-without-mandate", "proofing.delegation-without-grantor-document"),
        codes(reasons));
    assertEquals(List.of("BIN-8.4.5-03"), reasons.get(0).requirements());
    assertEquals(List.of("BIN-8.4.5-04X"), reasons.get(1).requirements());
    RepresentationAuthority whole =
        new RepresentationAuthority(AuthoritySource.DELEGATION, "RCS Besançon 912 345 675", true);
    assertEquals(List.of(), rules.reasons(withMandate("Mandat de M. Martin du 02/11/2026", whole)));
  }

  @Test
  void theExtractReferenceIsEntered() {
    RepresentationAuthority blank =
        new RepresentationAuthority(AuthoritySource.LEGAL_REPRESENTATIVE, "  ", false);
    List<Refusal> reasons = rules.reasons(withMandate("", blank));

    assertEquals(List.of("proofing.extract-reference-missing"), codes(reasons));
    assertEquals(List.of("BIN-8.4.5-01", "COL-8.2.2.3-03"), reasons.get(0).requirements());
  }

  @Test
  void theHolderAcceptsTheCurrentNoticeDuringTheMeeting() {
    List<Refusal> old =
        rules.reasons(consent(new HolderConsent("2025-06", MEETING.plusMinutes(7))));
    assertEquals(List.of("proofing.consent-notice"), codes(old));
    assertEquals(List.of("INI-8.1-01X", "REG-6.3.4-10A"), old.get(0).requirements());

    for (LocalDateTime outside : List.of(MEETING.minusMinutes(1), MEETING.plusHours(5))) {
      List<Refusal> reasons =
          rules.reasons(consent(new HolderConsent(HolderConsent.CURRENT_NOTICE, outside)));
      assertEquals(List.of("proofing.consent-outside-meeting"), codes(reasons), outside::toString);
      assertEquals(List.of("INI-8.1-03X", "REG-6.3.4-11A"), reasons.get(0).requirements());
    }
    assertEquals(
        List.of(),
        rules.reasons(consent(new HolderConsent(HolderConsent.CURRENT_NOTICE, MEETING))));
  }

  @Test
  void theMeetingRulesRefuseWhatTheProofingRefuses() {
    MeetingRules meeting = new MeetingRules();
    Enrollment refused = examined(checks(FeatureVerdict.DOES_NOT_CONFORM, FeatureVerdict.CONFORMS));

    List<String> codes = meeting.refusals(refused).stream().map(Message::code).toList();
    assertTrue(codes.contains("proofing.feature-does-not-conform"), codes::toString);
    assertEquals(List.of(), meeting.refusals(SampleEnrollment.at(MEETING)));
  }

  @Test
  void noRefusalShownOrRecordedIsLeftWithoutWords() {
    List<Refusal> reasons = new ArrayList<>();
    reasons.addAll(rules.reasons(examined(List.of("dovid", "dovid", "x"), List.of())));
    reasons.addAll(rules.reasons(withMandate("mandat", legalRepresentative())));
    assertEquals(
        "Aucun élément de sécurité n'a été trouvé conforme : il en faut au moins 3.",
        only(reasons, "proofing.not-enough-conforming").shown().inFrench());
    for (Refusal refusal : reasons) {
      for (Locale language : List.of(Locale.FRENCH, Locale.ENGLISH)) {
        String text = refusal.shown().in(language);
        assertFalse(text.startsWith("proofing."), text);
        assertFalse(text.contains("{"), text);
        assertFalse(refusal.requirements().isEmpty(), text);
      }
    }
  }

  static Proofing sample() {
    Enrollment sample = SampleEnrollment.at(MEETING);
    return sample.meeting().proofing();
  }

  static Enrollment with(Proofing proofing) {
    Enrollment sample = SampleEnrollment.at(MEETING);
    return new Enrollment(sample.dossier(), sample.meeting().withProofing(proofing));
  }

  static List<String> codes(List<Refusal> reasons) {
    return reasons.stream().map(reason -> reason.shown().code()).toList();
  }

  static Refusal only(List<Refusal> reasons, String code) {
    List<Refusal> found = reasons.stream().filter(r -> r.shown().code().equals(code)).toList();
    assertEquals(1, found.size(), () -> code + " in " + codes(reasons));
    return found.get(0);
  }

  private static Proofing examination(DocumentExamination examination) {
    Proofing sample = sample();
    return new Proofing(
        examination, sample.portrait(), sample.names(), sample.authority(), sample.consent());
  }

  private static Enrollment examined(List<FeatureCheck> checks) {
    return examined(sampleDrawn(), checks);
  }

  private static Enrollment examined(List<String> drawn, List<FeatureCheck> checks) {
    DocumentExamination sample = sample().examination();
    return with(
        examination(
            new DocumentExamination(
                sample.catalogueVersion(),
                sample.document(),
                drawn,
                checks,
                true,
                sample.examinedAt())));
  }

  private static Enrollment examinedAt(LocalDateTime when) {
    DocumentExamination sample = sample().examination();
    return with(
        examination(
            new DocumentExamination(
                sample.catalogueVersion(),
                sample.document(),
                sample.drawn(),
                sample.checks(),
                true,
                when)));
  }

  private static List<String> sampleDrawn() {
    return sample().examination().drawn();
  }

  /** The sample's three features, the first two judged as given, the third conforming. */
  private static List<FeatureCheck> checks(FeatureVerdict dovid, FeatureVerdict ghost) {
    return List.of(
        check("dovid", dovid),
        check("ghost-image", ghost),
        check("tactile-relief", FeatureVerdict.CONFORMS));
  }

  private static FeatureCheck check(String feature, FeatureVerdict verdict) {
    return new FeatureCheck(feature, verdict, catalogueTool(feature));
  }

  private static RepresentationAuthority legalRepresentative() {
    return sample().authority();
  }

  private static Enrollment withMandate(String mandate, RepresentationAuthority authority) {
    Enrollment sample = SampleEnrollment.at(MEETING);
    MeetingRecord m = sample.meeting();
    Proofing p = m.proofing();
    MeetingRecord changed =
        new MeetingRecord(
            m.officer(),
            m.place(),
            m.heldAt(),
            m.identityDocument(),
            m.mrz(),
            m.originalSeen(),
            m.photoMatches(),
            m.kbisDate(),
            m.kbisOverride(),
            m.formsSigned(),
            mandate,
            m.fee(),
            new Proofing(p.examination(), p.portrait(), p.names(), authority, p.consent()));
    return new Enrollment(sample.dossier(), changed);
  }

  private static Enrollment consent(HolderConsent consent) {
    Proofing sample = sample();
    return with(
        new Proofing(
            sample.examination(), sample.portrait(), sample.names(), sample.authority(), consent));
  }

  // The tool the built-in catalogue names for the feature, as the officer is asked to use it.
  private static ExaminationTool catalogueTool(String feature) {
    return DocumentCatalogue.builtIn().documents().stream()
        .flatMap(document -> document.feature(feature).stream())
        .map(SecurityFeature::tool)
        .findFirst()
        .orElse(ExaminationTool.NAKED_EYE);
  }

  @Test
  void aFeatureFoundConformingWithoutTheCataloguesToolIsRefused() {
    Enrollment sample = SampleEnrollment.at(MEETING);
    DocumentExamination e = sample.meeting().proofing().examination();
    List<FeatureCheck> byEye =
        e.checks().stream()
            .map(c -> new FeatureCheck(c.feature(), c.verdict(), ExaminationTool.NAKED_EYE))
            .toList();
    DocumentExamination examined =
        new DocumentExamination(
            e.catalogueVersion(),
            e.document(),
            e.drawn(),
            byEye,
            e.referenceConsulted(),
            e.examinedAt());
    Proofing p = sample.meeting().proofing();
    Enrollment enrollment =
        new Enrollment(
            sample.dossier(),
            sample
                .meeting()
                .withProofing(
                    new Proofing(examined, p.portrait(), p.names(), p.authority(), p.consent())));

    List<Refusal> reasons = new MeetingRules().reasons(enrollment);

    // the DOVID is seen tilting the card, the relief felt: by eye alone neither is checked
    assertEquals(
        List.of("proofing.feature-other-tool", "proofing.feature-other-tool"),
        reasons.stream().map(r -> r.recorded().code()).toList());
    assertEquals(List.of("VAL-8.3.3-08", "VAL-8.3.3-16"), reasons.get(0).requirements());
  }
}
