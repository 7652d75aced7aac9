package fr.aed.station.app.audit;

import fr.aed.station.app.store.JournalVerification;
import java.util.List;
import java.util.Locale;

/**
 * The audit of one meeting: whether its journal holds and, when it does, one finding per
 * requirement of the map, in the map's order.
 *
 * @param interventionId the intervention audited
 * @param status OPEN, CLOSED, REFUSED or FAILED
 * @param mapVersion the requirement map's version
 * @param catalogueVersion the version of the document catalogue that judged the examination, empty
 *     when none was recorded
 * @param journal the verification of the journal up to the meeting's last entry
 * @param findings one per requirement; empty when the journal is broken (nothing is certified)
 * @param language the language the findings' evidence is to be said in
 */
public record AuditReport(
    String interventionId,
    String status,
    String mapVersion,
    String catalogueVersion,
    JournalVerification.Outcome journal,
    List<Finding> findings,
    Locale language) {

  public AuditReport {
    findings = List.copyOf(findings);
  }

  /** Whether the journal holds, so that the findings can be trusted. */
  public boolean journalHolds() {
    return journal.intact();
  }

  /** How many findings have {@code verdict}. */
  public long count(Verdict verdict) {
    return findings.stream().filter(finding -> finding.verdict() == verdict).count();
  }

  /** Whether the journal holds and no requirement is found not met. */
  public boolean certified() {
    return journalHolds() && count(Verdict.NOT_MET) == 0;
  }
}
