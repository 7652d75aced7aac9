package fr.aed.station.app.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.domain.proofing.AuthoritySource;
import fr.aed.station.app.domain.proofing.DocumentExamination;
import fr.aed.station.app.domain.proofing.ExaminationTool;
import fr.aed.station.app.domain.proofing.FeatureCheck;
import fr.aed.station.app.domain.proofing.FeatureLikeness;
import fr.aed.station.app.domain.proofing.FeatureVerdict;
import fr.aed.station.app.domain.proofing.NameCheck;
import fr.aed.station.app.domain.proofing.PortraitComparison;
import fr.aed.station.app.domain.proofing.Proofing;
import fr.aed.station.app.domain.proofing.RepresentationAuthority;
import fr.aed.station.app.dossier.SampleEnrollment;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each evidence kind judged on a meeting record, before the journal: the sheet's summary. */
class EvidenceTest {

  private static final LocalDateTime HELD_AT = LocalDateTime.of(2026, 12, 3, 10, 0);

  private final Enrollment sample = SampleEnrollment.at(HELD_AT);
  private final Proofing proofing = sample.meeting().proofing();

  private static Map<String, Finding> judged(Enrollment enrollment) {
    return MeetingConformity.of(
            enrollment,
            Map.of(ChecksDetail.DRAWN_BY, "WINDOW"),
            Instant.parse("2026-12-03T09:30:00Z"),
            RequirementMap.builtIn(),
            DocumentCatalogue.builtIn(),
            Locale.ENGLISH)
        .findings()
        .stream()
        .collect(Collectors.toMap(f -> f.requirement().id(), Function.identity()));
  }

  private Enrollment with(Proofing changed) {
    return new Enrollment(sample.dossier(), sample.meeting().withProofing(changed));
  }

  private Enrollment examined(List<String> drawn, List<FeatureCheck> checks) {
    DocumentExamination e = proofing.examination();
    return with(
        new Proofing(
            new DocumentExamination(
                e.catalogueVersion(), e.document(), drawn, checks, true, e.examinedAt()),
            proofing.portrait(),
            proofing.names(),
            proofing.authority(),
            proofing.consent()));
  }

  private static String said(Finding finding) {
    return finding.evidence().in(Locale.ENGLISH);
  }

  private static FeatureCheck conforming(String feature, ExaminationTool tool) {
    return new FeatureCheck(feature, FeatureVerdict.CONFORMS, tool);
  }

  @Test
  void theSampleMeetsEveryRequirementJudgedAtTheMeeting() {
    Map<String, Finding> findings = judged(sample);
    assertEquals(42, findings.size());
    assertEquals(
        List.of(), findings.values().stream().filter(f -> f.verdict() == Verdict.NOT_MET).toList());
  }

  @Test
  void aFeatureNeedingAMagnifierIsMetOnlyWithTheMagnifier() {
    List<String> drawn = List.of("dovid", "ghost-image", "microtext");
    Finding withIt =
        judged(
                examined(
                    drawn,
                    List.of(
                        conforming("dovid", ExaminationTool.TILTING),
                        conforming("ghost-image", ExaminationTool.NAKED_EYE),
                        conforming("microtext", ExaminationTool.MAGNIFIER))))
            .get("VAL-8.3.3-16");
    Finding without =
        judged(
                examined(
                    drawn,
                    List.of(
                        conforming("dovid", ExaminationTool.TILTING),
                        conforming("ghost-image", ExaminationTool.NAKED_EYE),
                        conforming("microtext", ExaminationTool.NAKED_EYE))))
            .get("VAL-8.3.3-16");

    assertEquals(Verdict.MET, withIt.verdict());
    assertEquals(
        "Examined with the tool the catalogue asks for: \"Guilloches and microtext\" conforming"
            + " (with a magnifier).",
        said(withIt));
    assertEquals(Verdict.NOT_MET, without.verdict());
  }

  @Test
  void aFeatureNotConformingFailsTheExaminationAndTheOriginal() {
    Map<String, Finding> findings =
        judged(
            examined(
                List.of("dovid", "ghost-image", "tactile-relief"),
                List.of(
                    conforming("dovid", ExaminationTool.TILTING),
                    new FeatureCheck(
                        "ghost-image", FeatureVerdict.DOES_NOT_CONFORM, ExaminationTool.NAKED_EYE),
                    conforming("tactile-relief", ExaminationTool.TOUCH))));

    assertEquals(Verdict.NOT_MET, findings.get("VAL-8.3.3-07X").verdict());
    assertEquals(
        "Feature not conforming: \"Ghost image\" not conforming (by eye).",
        said(findings.get("VAL-8.3.3-07X")));
    assertEquals(Verdict.NOT_MET, findings.get("VAL-8.3.1-08X").verdict());
  }

  @Test
  void fewerThanThreeConformingOrAFeatureNotDrawnIsNotMet() {
    Map<String, Finding> findings =
        judged(
            examined(
                List.of("dovid", "ghost-image"),
                List.of(
                    conforming("dovid", ExaminationTool.TILTING),
                    conforming("ghost-image", ExaminationTool.NAKED_EYE),
                    new FeatureCheck(
                        "uv-printing", FeatureVerdict.NOT_VERIFIABLE, ExaminationTool.UV_LAMP))));

    assertEquals(Verdict.NOT_MET, findings.get("VAL-8.3.3-07X").verdict());
    assertTrue(said(findings.get("VAL-8.3.3-07X")).startsWith("Only 2 features conforming of 3"));
    assertEquals(Verdict.NOT_MET, findings.get("VAL-8.3.3-07B").verdict());
    assertTrue(said(findings.get("VAL-8.3.3-07B")).contains("Fluorescent printing"));
  }

  @Test
  void aDelegationNeedsItsMandateAndTheGrantorsDocument() {
    Proofing delegated =
        new Proofing(
            proofing.examination(),
            proofing.portrait(),
            proofing.names(),
            new RepresentationAuthority(
                AuthoritySource.DELEGATION, "RCS Besançon 912 345 675", true),
            proofing.consent());
    MeetingRecord m = sample.meeting();
    MeetingRecord underMandate =
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
            "Délégation de M. Paul Martin, président, du 02/12/2026",
            m.fee(),
            delegated);
    Finding kept = judged(new Enrollment(sample.dossier(), underMandate)).get("BIN-8.4.5-04X");
    Finding notKept =
        judged(
                new Enrollment(
                    sample.dossier(),
                    underMandate.withProofing(
                        new Proofing(
                            proofing.examination(),
                            proofing.portrait(),
                            proofing.names(),
                            new RepresentationAuthority(
                                AuthoritySource.DELEGATION, "RCS Besançon 912 345 675", false),
                            proofing.consent()))))
            .get("BIN-8.4.5-04X");

    assertEquals(Verdict.MET, kept.verdict());
    assertTrue(said(kept).startsWith("Delegation: Délégation de M. Paul Martin"), said(kept));
    assertEquals(Verdict.NOT_MET, notKept.verdict());
    assertEquals(Verdict.NOT_APPLICABLE, judged(sample).get("BIN-8.4.5-04X").verdict());
  }

  @Test
  void namesThatDifferAreAcceptedWithTheOfficersReason() {
    Finding names =
        judged(
                with(
                    new Proofing(
                        proofing.examination(),
                        proofing.portrait(),
                        new NameCheck(
                            proofing.names().visualZone(), "Nom d'usage après mariage, acte vu"),
                        proofing.authority(),
                        proofing.consent())))
            .get("VAL-8.3.1-04X");

    assertEquals(Verdict.MET, names.verdict());
    assertEquals(
        "Names differing, accepted by the officer with a written reason: \"Nom d'usage après"
            + " mariage, acte vu\".",
        said(names));
  }

  @Test
  void aPortraitWithAFeatureLeftOutOrNoTimeIsNotMet() {
    PortraitComparison p = proofing.portrait();
    List<FeatureLikeness> withoutEars =
        p.features().stream().filter(f -> !f.feature().name().equals("EARS")).toList();
    Map<String, Finding> findings =
        judged(
            with(
                new Proofing(
                    proofing.examination(),
                    new PortraitComparison(
                        withoutEars, p.verdict(), "", p.startedAt(), p.startedAt()),
                    proofing.names(),
                    proofing.authority(),
                    proofing.consent())));

    assertEquals(Verdict.NOT_MET, findings.get("BIN-8.4.4-03").verdict());
    assertEquals("Facial features not compared: ears.", said(findings.get("BIN-8.4.4-03")));
    assertEquals(Verdict.NOT_MET, findings.get("BIN-8.4.4-04X").verdict());
  }

  @Test
  void anOldExtractNeedsTheOfficersWrittenReason() {
    MeetingRecord m = sample.meeting();
    MeetingRecord old = m.withKbis(HELD_AT.toLocalDate().minusMonths(5), "");
    MeetingRecord explained =
        m.withKbis(HELD_AT.toLocalDate().minusMonths(5), "Extrait du répertoire des métiers");

    assertEquals(
        Verdict.NOT_MET,
        judged(new Enrollment(sample.dossier(), old)).get("COL-8.2.1-07").verdict());
    Finding accepted = judged(new Enrollment(sample.dossier(), explained)).get("COL-8.2.1-07");
    assertEquals(Verdict.MET, accepted.verdict());
    assertTrue(said(accepted).endsWith("\"Extrait du répertoire des métiers\"."), said(accepted));
  }

  @Test
  void aMeetingWithoutProofingSaysSo() {
    Map<String, Finding> findings = judged(with(null));

    assertEquals(Verdict.NOT_MET, findings.get("ISS-8.5.2-03").verdict());
    assertEquals(
        "No identity proofing was recorded with the checks.", said(findings.get("VAL-8.3.3-07X")));
  }

  // Hostile review: the draw's provenance, not its label's absence, makes the draw random.
  @Test
  void theDrawIsRandomOnlyWhenTheJournalSaysTheStationMadeIt() {
    for (Map.Entry<String, Verdict> provenance :
        Map.of("WINDOW", Verdict.MET, "UNRECORDED", Verdict.NOT_MET, "", Verdict.NOT_MET)
            .entrySet()) {
      Map<String, String> said =
          provenance.getKey().isEmpty()
              ? Map.of()
              : Map.of(ChecksDetail.DRAWN_BY, provenance.getKey());
      Finding drawn =
          MeetingConformity.of(
                  sample,
                  said,
                  Instant.parse("2026-12-03T09:30:00Z"),
                  RequirementMap.builtIn(),
                  DocumentCatalogue.builtIn(),
                  Locale.ENGLISH)
              .findings()
              .stream()
              .filter(f -> f.requirement().id().equals("VAL-8.3.3-07B"))
              .findFirst()
              .orElseThrow();
      assertEquals(provenance.getValue(), drawn.verdict(), provenance.getKey());
    }
  }

  // Hostile review: a forged label citing draws is checked against the station's journal.
  @Test
  void theCitedDrawsMustGiveTheFeaturesTheMeetingLists() {
    Map<String, String> checks =
        new java.util.TreeMap<>(ChecksDetail.of(sample, DocumentCatalogue.builtIn()));
    checks.put(ChecksDetail.DRAWN_BY, "STATION_DRAW");
    checks.put(ChecksDetail.DRAW_ENTRIES, "7");
    List<String> listed = proofing.examination().drawn();
    Requirement drawn =
        RequirementMap.builtIn().requirements().stream()
            .filter(r -> r.id().equals("VAL-8.3.3-07B"))
            .findFirst()
            .orElseThrow();

    for (Map.Entry<List<String>, Verdict> cited :
        Map.of(
                listed,
                Verdict.MET,
                List.of("?"),
                Verdict.NOT_MET,
                List.of("microtext"),
                Verdict.NOT_MET)
            .entrySet()) {
      AuditedMeeting meeting =
          new AuditedMeeting(
              "INT-X",
              "OPEN",
              Map.of(
                  AuditedMeeting.CHECKS,
                  AuditedMeeting.checksEvent(Instant.parse("2026-12-03T09:30:00Z"), checks)),
              java.util.Optional.empty(),
              0,
              true,
              java.util.Optional.empty(),
              "",
              java.util.Optional.of(cited.getKey()));

      assertEquals(
          cited.getValue(),
          new Evidence(meeting, DocumentCatalogue.builtIn(), Locale.ENGLISH).judge(drawn).verdict(),
          cited.getKey().toString());
    }
  }
}
