package fr.aed.station.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.JournalVerification;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.app.text.VisibleText;
import fr.aed.station.crypto.journal.BrokenLink;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code station journal}: the tamper-evident journal. */
@Command(
    name = "journal",
    mixinStandardHelpOptions = true,
    description = "The journal of every meeting's events.",
    subcommands = JournalCommand.Verify.class)
final class JournalCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Recomputes the journal's hash chain and reports the first broken link.",
        "Exit code 0 when the chain holds, 1 when it is broken."
      })
  static final class Verify implements Callable<Integer> {

    @Mixin DataDirectory data;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (InterventionStore store = InterventionStore.open(data.database())) {
        // Streamed: the journal is checked in bounded memory, however long it is.
        JournalVerification.Outcome outcome = new JournalVerification(store).verify();
        print(spec.commandLine().getOut(), outcome.entries(), outcome.brokenLink());
        return outcome.intact() ? 0 : 1;
      } catch (StoreException e) {
        throw new StationCommandException(e.getMessage(), e);
      }
    }

    private void print(PrintWriter out, long entries, Optional<BrokenLink> broken) {
      if (json) {
        ObjectNode node = EnrollmentFile.mapper().createObjectNode();
        node.put("entries", entries);
        node.put("intact", broken.isEmpty());
        broken.ifPresent(
            b ->
                node.putObject("firstBrokenLink")
                    .put("sequence", b.sequence())
                    .put("reason", b.reason()));
        out.println(node.toString());
      } else if (broken.isEmpty()) {
        out.println("Journal intact: " + entries + " entries, every link holds.");
      } else {
        out.println(
            "Journal BROKEN at entry "
                + broken.get().sequence()
                + ": "
                + VisibleText.of(broken.get().reason()));
      }
      out.flush();
    }
  }
}
