package fr.aed.station.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.store.InterventionSearch;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.InterventionSummary;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.app.text.VisibleText;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code station list}: the recorded interventions, the most recent first. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Lists and searches the recorded interventions, the most recent first.")
final class ListCommand implements Runnable {

  @Mixin DataDirectory data;

  @Option(names = "--json", description = "Print one JSON array.")
  boolean json;

  @Option(names = "--holder", paramLabel = "NAME", description = "Part of the holder's name.")
  String holder;

  @Option(names = "--company", paramLabel = "NAME", description = "Part of the company's name.")
  String company;

  @Option(names = "--from", paramLabel = "DATE", description = "First meeting day (YYYY-MM-DD).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last meeting day (YYYY-MM-DD).")
  LocalDate to;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "OPEN, CLOSED, REFUSED or FAILED.")
  String status;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description = "The most interventions to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    Path database = data.database();
    if (!Files.exists(database)) {
      print(spec.commandLine().getOut(), List.of());
      return;
    }
    try (InterventionStore store = InterventionStore.openForReading(database)) {
      print(
          spec.commandLine().getOut(),
          store.search(new InterventionSearch(holder, company, from, to, status, limit)));
    } catch (StoreException e) {
      throw new StationCommandException(e.getMessage(), e);
    }
  }

  private void print(PrintWriter out, List<InterventionSummary> interventions) {
    if (json) {
      ArrayNode array = EnrollmentFile.mapper().valueToTree(interventions);
      out.println(array.toString());
    } else {
      for (InterventionSummary i : interventions) {
        out.printf(
            "%-22s %-8s %-16s %-20s %s — %s%n",
            i.id(),
            i.status(),
            i.step(),
            i.startedAt(),
            VisibleText.of(i.holderName()),
            VisibleText.of(i.companyName()));
      }
      out.println(interventions.size() + " intervention(s)");
    }
    out.flush();
  }
}
