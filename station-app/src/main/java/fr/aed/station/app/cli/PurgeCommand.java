package fr.aed.station.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.PurgeCandidate;
import fr.aed.station.app.store.RetentionPurge;
import fr.aed.station.app.store.StoreException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code station purge}: erases the personal data of meetings kept long enough. */
@Command(
    name = "purge",
    mixinStandardHelpOptions = true,
    description = {
      "Erases the personal data of meetings whose records were kept long enough: 7 years after",
      "the certificate stops being valid (meeting closed + validity, the station's approximation),",
      "7 years after the meeting when it was refused or failed. The journal is never touched;",
      "each erasure is journaled (PURGED). --dry-run lists them, --apply erases them."
    })
final class PurgeCommand implements Runnable {

  static final class Mode {
    @Option(names = "--dry-run", required = true, description = "List what would be erased.")
    boolean dryRun;

    @Option(names = "--apply", required = true, description = "Erase it.")
    boolean apply;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Mode mode;

  @Option(
      names = "--on",
      paramLabel = "DATE",
      description = "The day to judge on (YYYY-MM-DD, default: today; not later with --apply).")
  LocalDate on;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Mixin DataDirectory data;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    LocalDate today = LocalDate.now();
    LocalDate day = on == null ? today : on;
    if (mode.apply && day.isAfter(today)) {
      throw new StationCommandException(
          "--apply judges on today at the latest: records must not be erased before their time");
    }
    try (InterventionStore store = InterventionStore.open(data.database())) {
      RetentionPurge purge = new RetentionPurge(store, ZoneId.systemDefault());
      List<PurgeCandidate> due = purge.expired(day);
      List<Path> left = new ArrayList<>();
      if (mode.apply) {
        for (PurgeCandidate candidate : due) {
          left.addAll(purge.erase(candidate, Instant.now()));
        }
      }
      print(spec.commandLine().getOut(), day, due, left);
    } catch (StoreException e) {
      throw new StationCommandException(e.getMessage(), e);
    }
  }

  private void print(PrintWriter out, LocalDate day, List<PurgeCandidate> due, List<Path> left) {
    if (json) {
      ObjectNode node = EnrollmentFile.mapper().createObjectNode();
      node.put("on", day.toString());
      node.put("applied", mode.apply);
      node.put("count", due.size());
      ArrayNode list = node.putArray("interventions");
      due.forEach(
          c ->
              list.addObject()
                  .put("id", c.id())
                  .put("status", c.status())
                  .put("keptUntil", c.keptUntil().toString()));
      ArrayNode files = node.putArray("filesLeft");
      left.forEach(file -> files.add(file.toString()));
      out.println(node.toString());
    } else {
      due.forEach(c -> out.printf("%-22s %-8s kept until %s%n", c.id(), c.status(), c.keptUntil()));
      out.println(
          due.size() + " intervention(s) " + (mode.apply ? "erased" : "due") + " on " + day);
      left.forEach(file -> out.println("could not delete " + file + ": remove it by hand"));
    }
    out.flush();
  }
}
