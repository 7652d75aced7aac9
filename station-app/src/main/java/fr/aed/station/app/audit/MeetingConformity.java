package fr.aed.station.app.audit;

import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.domain.Enrollment;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The requirements judged at the meeting itself (the proofing and the checks), from the meeting
 * record before the journal is complete: what the sheet summarises. The record's own requirements
 * (the signed sheet, the seal, the retention) are judged afterwards by {@link ProofingAudit}.
 *
 * @param mapVersion the requirement map's version
 * @param findings the findings of the requirements judged at the meeting
 * @param total how many requirements the map has
 */
public record MeetingConformity(String mapVersion, List<Finding> findings, int total) {

  public MeetingConformity {
    findings = List.copyOf(findings);
  }

  /**
   * The requirements of {@code map} judged at the meeting recorded in {@code enrollment}, as if its
   * checks were journaled at {@code at}, its evidence said in {@code language}.
   */
  public static MeetingConformity of(
      Enrollment enrollment,
      Map<String, String> provenance,
      Instant at,
      RequirementMap map,
      DocumentCatalogue catalogue,
      Locale language) {
    Map<String, String> checks = new TreeMap<>(ChecksDetail.of(enrollment, catalogue));
    checks.putAll(provenance);
    AuditedMeeting meeting =
        new AuditedMeeting(
            "",
            "OPEN",
            Map.of(AuditedMeeting.CHECKS, AuditedMeeting.checksEvent(at, checks)),
            Optional.empty(),
            0,
            true,
            Optional.empty(),
            "",
            Optional.empty());
    Evidence evidence = new Evidence(meeting, catalogue, language);
    List<Finding> findings =
        map.requirements().stream()
            .filter(
                r ->
                    r.evidence().stage() == EvidenceKind.Stage.PROOFING
                        || r.evidence().stage() == EvidenceKind.Stage.CHECKS)
            .map(evidence::judge)
            .toList();
    return new MeetingConformity(map.version(), findings, map.size());
  }

  /** How many findings have {@code verdict}. */
  public long count(Verdict verdict) {
    return findings.stream().filter(finding -> finding.verdict() == verdict).count();
  }
}
