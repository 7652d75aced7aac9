package fr.aed.station.app.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.dossier.EnrollmentFile;
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
      Instant at,
      RequirementMap map,
      DocumentCatalogue catalogue,
      Locale language) {
    AuditedMeeting meeting =
        new AuditedMeeting(
            "",
            "OPEN",
            Map.of(AuditedMeeting.CHECKS, AuditedMeeting.checksEvent(at, checks(enrollment))),
            Optional.empty(),
            0,
            true,
            Optional.empty(),
            "");
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

  // The checks' detail as the enrollment journals it, with the proofing traced the same way.
  private static Map<String, String> checks(Enrollment enrollment) {
    MeetingRecord meeting = enrollment.meeting();
    Map<String, String> detail = new TreeMap<>();
    detail.put("identityDocumentType", meeting.identityDocument().type().name());
    detail.put("identityDocumentExpiry", meeting.identityDocument().expiryDate().toString());
    detail.put("originalSeen", Boolean.toString(meeting.originalSeen()));
    detail.put("photoMatches", Boolean.toString(meeting.photoMatches()));
    detail.put("kbisDate", meeting.kbisDate().toString());
    if (meeting.kbisOverridden()) {
      detail.put("kbisOverride", meeting.kbisOverride());
    }
    if (meeting.proofing() != null) {
      detail.put("proofing", trace(enrollment).toString());
    }
    return detail;
  }

  private static ObjectNode trace(Enrollment enrollment) {
    MeetingRecord meeting = enrollment.meeting();
    ObjectNode trace = EnrollmentFile.mapper().valueToTree(meeting.proofing());
    ObjectNode authority = (ObjectNode) trace.path("authority");
    authority.put("role", enrollment.dossier().company().holderRole());
    authority.put("extractDate", meeting.kbisDate().toString());
    authority.put("mandate", meeting.mandate());
    trace
        .putObject("officer")
        .put("trainedOn", meeting.officer().trainedOn().toString())
        .put("accreditation", meeting.officer().accreditation());
    return trace;
  }
}
