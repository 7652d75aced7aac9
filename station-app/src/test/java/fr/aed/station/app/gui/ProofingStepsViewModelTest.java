package fr.aed.station.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.domain.IdentityDocumentType;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.domain.proofing.AuthoritySource;
import fr.aed.station.app.domain.proofing.FeatureVerdict;
import fr.aed.station.app.domain.proofing.Likeness;
import fr.aed.station.app.domain.proofing.MorphologicalFeature;
import fr.aed.station.app.domain.proofing.PortraitVerdict;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.crypto.journal.ChainedEntry;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The identity proofing led by the wizard: the document's features drawn and judged, the portrait
 * compared and timed, the names, the authority, the holder's consent before any PIN, and the
 * proofing recorded with the checks.
 */
class ProofingStepsViewModelTest {

  @TempDir Path dir;

  private final TestContexts.FakeDialogs dialogs = new TestContexts.FakeDialogs();

  private MeetingWizardViewModel wizard(Enrollment enrollment) {
    return new MeetingWizardViewModel(TestContexts.sameThread(dir, dialogs), enrollment, () -> {});
  }

  private MeetingWizardViewModel sample() {
    return wizard(SampleEnrollment.at(LocalDateTime.now()));
  }

  private static List<String> drawn(MeetingWizardViewModel model) {
    return model.document().features().stream().map(row -> row.feature().id()).toList();
  }

  @Test
  void threeFeaturesAreDrawnWhenTheStepFirstOpensAndKeptGoingBackAndForth() {
    MeetingWizardViewModel model = sample();
    assertTrue(model.document().features().isEmpty(), "nothing drawn before the step");
    assertEquals("FRA-ID-2021", model.document().entry().orElseThrow().id());

    model.next();
    model.next();

    assertEquals(WizardStep.DOCUMENT, model.stepProperty().get());
    List<String> first = drawn(model);
    assertEquals(3, first.size());
    assertEquals(3, new HashSet<>(first).size(), "three different features");
    model.previous();
    model.next();
    assertEquals(first, drawn(model), "the draw is kept");
  }

  @Test
  void suivantWaitsForEveryDrawnFeatureToHaveItsVerdict() {
    MeetingWizardViewModel model = sample();
    model.goTo(WizardStep.DOCUMENT);
    model.document().features().get(0).verdictProperty().set(FeatureVerdict.CONFORMS);

    model.next();
    model.goTo(WizardStep.COMPANY);

    assertEquals(WizardStep.DOCUMENT, model.stepProperty().get());
    assertTrue(model.stepUnfinished().get());
    model.document().features().forEach(row -> row.verdictProperty().set(FeatureVerdict.CONFORMS));
    assertFalse(model.stepUnfinished().get());
    model.next();
    assertEquals(WizardStep.PORTRAIT, model.stepProperty().get());
    model.goTo(WizardStep.FEES);
    assertEquals(WizardStep.PORTRAIT, model.stepProperty().get(), "the portrait first");
  }

  @Test
  void aFeatureThatCannotBeCheckedDrawsAnotherOnce() {
    MeetingWizardViewModel model = sample();
    model.goTo(WizardStep.DOCUMENT);
    List<String> first = drawn(model);

    model.document().features().get(1).verdictProperty().set(FeatureVerdict.NOT_VERIFIABLE);

    List<String> now = drawn(model);
    assertEquals(4, now.size());
    assertEquals(first, now.subList(0, 3));
    assertFalse(first.contains(now.get(3)), "another feature");
    assertTrue(model.stepUnfinished().get(), "the new one to examine");
    model.document().features().get(1).verdictProperty().set(FeatureVerdict.CONFORMS);
    model.document().features().get(1).verdictProperty().set(FeatureVerdict.NOT_VERIFIABLE);
    assertEquals(4, drawn(model).size(), "the same feature draws once");
  }

  @Test
  void aDocumentTheCatalogueLacksIsNotAccepted() {
    Enrollment sample = SampleEnrollment.at(LocalDateTime.now());
    MeetingRecord m = sample.meeting();
    IdentityDocument other =
        new IdentityDocument(
            IdentityDocumentType.RESIDENCE_PERMIT,
            m.identityDocument().number(),
            "UTO",
            m.identityDocument().expiryDate());
    MeetingWizardViewModel model =
        wizard(new Enrollment(sample.dossier(), m.withIdentityDocument(other, m.mrz())));

    model.goTo(WizardStep.DOCUMENT);

    assertTrue(model.document().entry().isEmpty());
    assertTrue(model.document().features().isEmpty(), "nothing to draw from");
    assertTrue(model.document().completeProperty().get(), "nothing to examine: the rules judge");
    assertFalse(model.stepUnfinished().get());
  }

  @Test
  void thePortraitIsTimedFromItsStepToTheVerdictAndADifferenceAsksForAReason() {
    MeetingWizardViewModel model = sample();
    Proofings.documentConforms(model);
    model.goTo(WizardStep.PORTRAIT);
    PortraitStepViewModel portrait = model.portrait();
    for (MorphologicalFeature feature : MorphologicalFeature.values()) {
      portrait.likenessProperty(feature).set(Likeness.SIMILAR);
    }
    portrait.likenessProperty(MorphologicalFeature.MARKS).set(Likeness.DIFFERENT);
    assertTrue(portrait.timeSpentProperty().get().isEmpty(), "no verdict, no time yet");
    Proofings.letTimePass(portrait);

    portrait.verdictProperty().set(PortraitVerdict.SAME_PERSON);

    assertTrue(portrait.reasonAskedProperty().get());
    assertTrue(
        portrait.timeSpentProperty().get().startsWith("Temps passé à comparer : 0 min "),
        portrait.timeSpentProperty().get());
    assertTrue(
        portrait.comparison().orElseThrow().timeSpent().compareTo(Proofings.PORTRAIT_TIME) >= 0);
    portrait.differenceReasonProperty().set("Cicatrice récente au menton, vue et expliquée");
    assertEquals(
        "Cicatrice récente au menton, vue et expliquée",
        portrait.comparison().orElseThrow().differenceReason());
    portrait.likenessProperty(MorphologicalFeature.MARKS).set(Likeness.SIMILAR);
    assertFalse(portrait.reasonAskedProperty().get());
    assertEquals("", portrait.comparison().orElseThrow().differenceReason(), "none to record");
  }

  @Test
  void thePortraitOfAnotherPersonRefusesTheMeeting() throws Exception {
    MeetingWizardViewModel model = Meetings.attested(sample());
    assertTrue(model.refusals().isEmpty(), model.refusals().toString());

    model.portrait().verdictProperty().set(PortraitVerdict.NOT_SAME_PERSON);

    assertTrue(
        model
            .refusals()
            .contains("La photo de la pièce d'identité ne correspond pas à la personne présente."),
        model.refusals().toString());
    assertTrue(model.standing().get(0).refused());
    model.generate(new char[0], new char[0]);
    assertTrue(model.run().refusedProperty().get());
    String refused = journal(model.run().interventionIdProperty().get(), "REFUSED");
    assertTrue(refused.contains("NOT_SAME_PERSON"), refused);
    assertTrue(refused.contains("BIN-8.4.4-01X"), refused);
  }

  @Test
  void aFeatureNotConformingRefusesTheMeetingNamingIt() throws Exception {
    MeetingWizardViewModel model = Meetings.attested(sample());
    DocumentStepViewModel.FeatureRow first = model.document().features().get(0);
    String name = first.feature().name().in(Texts.locale());

    first.verdictProperty().set(FeatureVerdict.DOES_NOT_CONFORM);

    assertTrue(model.document().refusing());
    assertTrue(
        model.refusals().stream().anyMatch(reason -> reason.contains(name)),
        model.refusals().toString());
    assertTrue(model.standing().stream().anyMatch(CheckLine::refused));
    model.generate(new char[0], new char[0]);
    assertTrue(model.run().refusedProperty().get(), model.run().messageProperty().get());
    String refused = journal(model.run().interventionIdProperty().get(), "REFUSED");
    assertTrue(refused.contains("DOES_NOT_CONFORM"), refused);
    assertTrue(refused.contains("VAL-8.3.3-07C"), refused);
  }

  @Test
  void aMeetingAcceptedRecordsTheProofingWithItsChecks() throws Exception {
    MeetingWizardViewModel model = Meetings.attested(sample());
    List<String> features = drawn(model);
    assertEquals(AuthoritySource.LEGAL_REPRESENTATIVE, model.company().authority().get().source());

    model.generate(
        TokenConnectors.SIMULATED_CARD_PIN.toCharArray(),
        TokenConnectors.SIMULATED_HOLDER_PIN.toCharArray());

    assertTrue(model.run().awaitingSignaturesProperty().get(), model.run().messageProperty().get());
    String checks = journal(model.run().interventionIdProperty().get(), "CHECKS_RECORDED");
    assertTrue(checks.contains("\"photoMatches\":\"true\""), checks);
    for (String feature : features) {
      assertTrue(checks.contains(feature), feature + " in " + checks);
    }
    assertTrue(checks.contains("FRA-ID-2021"), checks);
    assertTrue(checks.contains("SAME_PERSON"), checks);
    assertTrue(checks.contains(Proofings.EXTRACT), checks);
    assertTrue(checks.contains("CURRENT_NOTICE") || checks.contains("2026-12"), checks);
    // the names typed from the document stay in the sealed record, out of the journal
    assertFalse(checks.contains("Lefèvre-Dubois"), checks);
  }

  @Test
  void theHolderConsentsBeforeAnyPinReachesTheCard() throws Exception {
    MeetingWizardViewModel waiting = sample();
    waiting.identity().originalSeenProperty().set(true);
    waiting.formsSignedProperty().set(true);
    waiting.identity().printedSurnameProperty().set("Lefèvre-Dubois");
    waiting.identity().printedGivenNamesProperty().set("Élodie Marie");
    waiting.identity().printedBirthDateProperty().set("17/03/1984");
    Proofings.documentConforms(waiting);
    Proofings.samePerson(waiting);
    waiting.company().extractReferenceProperty().set(Proofings.EXTRACT);

    assertTrue(waiting.refusals().isEmpty(), "the holder's screen is offered");
    assertEquals(
        List.of("À confirmer — Accord du titulaire à donner sur l'écran du titulaire"),
        waiting.standing().stream().map(CheckLine::text).toList());
    waiting.generate(
        TokenConnectors.SIMULATED_CARD_PIN.toCharArray(),
        TokenConnectors.SIMULATED_HOLDER_PIN.toCharArray());

    assertEquals(Texts.get("run.consent-first"), waiting.run().messageProperty().get());
    assertTrue(waiting.run().interventionIdProperty().get().isEmpty(), "nothing recorded");
    assertNull(waiting.holderPin().consentProperty().get());

    waiting.holderPin().acceptNotice();

    assertNotNull(waiting.holderPin().consentProperty().get());
    assertTrue(waiting.standing().isEmpty(), waiting.standing().toString());
    waiting.generate(
        TokenConnectors.SIMULATED_CARD_PIN.toCharArray(),
        TokenConnectors.SIMULATED_HOLDER_PIN.toCharArray());
    assertTrue(waiting.run().awaitingSignaturesProperty().get());
  }

  @Test
  void aDelegationRecordsItsMandateAndTheSignersDocumentKept() {
    MeetingWizardViewModel model = Meetings.attested(sample());
    assertEquals("", model.enrollment().meeting().mandate(), "named on the extract: no mandate");

    model.company().authoritySourceProperty().set(AuthoritySource.DELEGATION);
    model.company().mandateProperty().set("Délégation de la présidente du 2 décembre 2026");
    model.company().grantorDocumentKeptProperty().set(true);

    MeetingRecord meeting = model.enrollment().meeting();
    assertEquals("Délégation de la présidente du 2 décembre 2026", meeting.mandate());
    assertEquals(AuthoritySource.DELEGATION, meeting.proofing().authority().source());
    assertTrue(meeting.proofing().authority().grantorDocumentKept());
    assertEquals(Proofings.EXTRACT, meeting.proofing().authority().extractReference());
  }

  @Test
  void theNamesAreTypedFromTheDocumentNotCopiedFromTheDossier() {
    MeetingWizardViewModel model = sample();
    assertEquals("", model.identity().printedSurnameProperty().get());
    assertNull(model.enrollment().meeting().proofing(), "nothing done yet");

    Meetings.attested(model);
    model.identity().mismatchReasonProperty().set("Nom d'usage porté sur la pièce");

    var names = model.enrollment().meeting().proofing().names();
    assertEquals("Lefèvre-Dubois", names.visualZone().surname());
    assertEquals(List.of("Élodie", "Marie"), names.visualZone().givenNames());
    assertEquals("Nom d'usage porté sur la pièce", names.mismatchReason());
  }

  @Test
  void theExaminationIsRecordedOnceEveryFeatureIsJudged() {
    MeetingWizardViewModel model = sample();
    Proofings.documentConforms(model);
    var examination = model.enrollment().meeting().proofing();
    assertNull(examination, "the portrait still to compare");
    Proofings.done(model);
    var recorded = model.enrollment().meeting().proofing().examination();
    assertEquals(3, recorded.conforming());
    assertEquals(drawn(model), recorded.drawn());
    assertTrue(recorded.referenceConsulted());
    assertNotNull(recorded.examinedAt());
    model.document().referenceAtHandProperty().set(false);
    assertFalse(model.enrollment().meeting().proofing().examination().referenceConsulted());
  }

  private String journal(String intervention, String event) throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      return store.journal().stream()
          .map(ChainedEntry::entry)
          .filter(e -> e.intervention().equals(intervention) && e.event().equals(event))
          .findFirst()
          .orElseThrow()
          .detail();
    }
  }
}
