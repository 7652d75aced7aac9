package fr.aed.station.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.InterventionSummary;
import fr.aed.station.app.store.StoreException;
import java.io.PrintWriter;
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
    description = "Lists the recorded interventions, the most recent first.")
final class ListCommand implements Runnable {

  @Mixin DataDirectory data;

  @Option(names = "--json", description = "Print one JSON array.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    try (InterventionStore store = InterventionStore.open(data.database())) {
      print(spec.commandLine().getOut(), store.list());
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
            i.id(), i.status(), i.step(), i.startedAt(), i.holderName(), i.companyName());
      }
      out.println(interventions.size() + " intervention(s)");
    }
    out.flush();
  }
}
