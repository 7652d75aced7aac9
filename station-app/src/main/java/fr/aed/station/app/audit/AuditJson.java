package fr.aed.station.app.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;

/**
 * The audit as JSON ({@code station audit --json}, and {@code proofing-audit.json} in the package
 * for the certificate authority): the format is documented in docs/proofing.md.
 */
public final class AuditJson {

  /** The format's name and version, the JSON's first field. */
  public static final String FORMAT = "station-proofing-audit-v1";

  private AuditJson() {}

  /** The report as a JSON object, its words in the report's language. */
  public static ObjectNode of(AuditReport report) {
    ObjectNode root = EnrollmentFile.mapper().createObjectNode();
    root.put("format", FORMAT);
    root.put("interventionId", report.interventionId());
    root.put("status", report.status());
    root.put("requirementMap", report.mapVersion());
    root.put("catalogue", report.catalogueVersion());
    root.put("language", report.language().getLanguage());
    ObjectNode journal = root.putObject("journal");
    journal.put("holds", report.journalHolds());
    journal.put("entries", report.journal().entries());
    journal.put("trustChecked", report.journal().trustChecked());
    journal.put("sealedThrough", report.journal().sealedThrough());
    report
        .journal()
        .brokenLink()
        .ifPresent(
            broken ->
                journal
                    .putObject("firstBrokenLink")
                    .put("sequence", broken.sequence())
                    .put("reason", broken.reason()));
    root.put("certified", report.certified());
    root.putObject("counts")
        .put("met", report.count(Verdict.MET))
        .put("notMet", report.count(Verdict.NOT_MET))
        .put("notApplicable", report.count(Verdict.NOT_APPLICABLE));
    ArrayNode findings = root.putArray("findings");
    for (Finding finding : report.findings()) {
      Requirement requirement = finding.requirement();
      ObjectNode item =
          findings
              .addObject()
              .put("id", requirement.id())
              .put("standard", requirement.standard())
              .put("clause", requirement.clause())
              .put("requirement", requirement.text().in(report.language()))
              .put("evidenceKind", requirement.evidence().name())
              .put("verdict", finding.verdict().name())
              .put("evidence", finding.evidence().in(report.language()));
      finding
          .at()
          .ifPresentOrElse(
              at -> item.put("at", at.truncatedTo(ChronoUnit.SECONDS).toString()),
              () -> item.putNull("at"));
    }
    return root;
  }

  /** The report as indented JSON in UTF-8. */
  public static byte[] bytes(AuditReport report) {
    try {
      return EnrollmentFile.mapper()
          .writerWithDefaultPrettyPrinter()
          .writeValueAsString(of(report))
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
  }
}
