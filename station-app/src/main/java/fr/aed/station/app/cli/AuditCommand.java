package fr.aed.station.app.cli;

import fr.aed.station.app.audit.AuditException;
import fr.aed.station.app.audit.AuditJson;
import fr.aed.station.app.audit.AuditReport;
import fr.aed.station.app.audit.Finding;
import fr.aed.station.app.audit.ProofingAudit;
import fr.aed.station.app.audit.RequirementMap;
import fr.aed.station.app.audit.Verdict;
import fr.aed.station.app.catalogue.CatalogueException;
import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.app.text.Catalogue;
import fr.aed.station.app.text.VisibleText;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code station audit}: the meeting's identity proofing, requirement by requirement. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Audits a recorded meeting against the requirement map (EN 319 411-1, ETSI TS 119 461):"
          + " the journal is verified first, then each requirement is said with its verdict,"
          + " its evidence and the time the journal recorded it.",
      "Exit code: 0 no requirement not met; 3 a requirement is not met; 1 no such intervention,"
          + " or a broken journal (nothing is certified); 2 wrong usage."
    })
final class AuditCommand implements Callable<Integer> {

  /** The exit code when the journal holds and a requirement is not met. */
  static final int NOT_MET = 3;

  @Mixin DataDirectory data;
  @Mixin TrustOptions trustOptions;

  @Parameters(index = "0", paramLabel = "INTERVENTION", description = "The intervention to audit.")
  String interventionId;

  @Option(names = "--json", description = "Prints one JSON object instead of text.")
  boolean json;

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      description = "The language of the evidence: fr (default) or en.")
  String lang = "fr";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CheckLines words = new CheckLines(lang);
    Locale language = Catalogue.language(Locale.forLanguageTag(lang.strip()));
    // Read-only: an auditor's copy is audited as it is, never migrated or written.
    try (InterventionStore store = InterventionStore.openReadOnly(data.database())) {
      ProofingAudit audit =
          new ProofingAudit(
              store,
              trustOptions.trust(data),
              RequirementMap.builtIn(),
              DocumentCatalogue.forStation(data.resolve()));
      AuditReport report = audit.audit(interventionId, language);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(AuditJson.of(report).toPrettyString());
      } else {
        print(out, report, words);
      }
      out.flush();
      if (!report.journalHolds()) {
        return 1;
      }
      return report.certified() ? 0 : NOT_MET;
    } catch (AuditException | StoreException | CatalogueException e) {
      throw new StationCommandException(e.getMessage(), e);
    }
  }

  private static void print(PrintWriter out, AuditReport report, CheckLines words) {
    out.println(
        words.words(
            "audit.header",
            VisibleText.of(report.interventionId()),
            words.words("audit.status." + report.status().toLowerCase(Locale.ROOT))));
    if (!report.journalHolds()) {
      var broken = report.journal().brokenLink().orElseThrow();
      out.println(
          words.words("audit.journal-broken", broken.sequence(), VisibleText.of(broken.reason())));
      return;
    }
    out.println(
        words.words(
            report.journal().trustChecked()
                ? "audit.journal-holds"
                : "audit.journal-holds.untrusted",
            report.journal().entries()));
    for (Finding finding : report.findings()) {
      out.println(
          words.words(
              "audit.line",
              finding.requirement().id(),
              words.words("audit.verdict." + finding.verdict().name()),
              VisibleText.of(words.said(finding.evidence())),
              finding
                  .at()
                  .map(at -> at.truncatedTo(ChronoUnit.SECONDS).toString())
                  .orElse(words.words("audit.no-time"))));
    }
    out.println(
        words.words(
            "audit.summary",
            report.findings().size(),
            report.count(Verdict.MET),
            report.count(Verdict.NOT_MET),
            report.count(Verdict.NOT_APPLICABLE),
            report.mapVersion(),
            report.catalogueVersion().isEmpty() ? "-" : report.catalogueVersion()));
    out.println(words.words(report.certified() ? "audit.certified" : "audit.not-certified"));
  }
}
