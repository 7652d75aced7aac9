package fr.aed.station.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.JournalHead;
import fr.aed.station.app.store.JournalVerification;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.app.text.VisibleText;
import fr.aed.station.crypto.journal.BrokenLink;
import java.io.PrintWriter;
import java.nio.file.Path;
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
    subcommands = {JournalCommand.Verify.class, JournalCheckpointCommand.class})
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

    @Option(
        names = "--against",
        paramLabel = "FILE",
        description = {
          "A checkpoint kept elsewhere (station journal checkpoint), or an export package: the",
          "database must still hold the journal up to it (finds a rollback, a cut, a deletion)."
        })
    Path against;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      // Read-only: an auditor's copy is verified as it is, never migrated or written.
      try (InterventionStore store = InterventionStore.openReadOnly(data.database())) {
        // Streamed: the journal is checked in bounded memory, however long it is.
        JournalVerification.Outcome outcome = new JournalVerification(store).verify();
        Optional<BrokenLink> broken = outcome.brokenLink();
        Optional<CheckpointCheck.Outcome> checkpoint = Optional.empty();
        if (broken.isEmpty() && against != null) {
          checkpoint = Optional.of(CheckpointCheck.against(store, against));
          long after = sequence(store);
          broken = checkpoint.get().problem().map(problem -> new BrokenLink(after, problem));
        }
        print(spec.commandLine().getOut(), outcome.entries(), broken);
        checkpoint
            .filter(c -> c.problem().isEmpty() && !json)
            .ifPresent(c -> printHeld(spec.commandLine().getOut(), c));
        return broken.isEmpty() ? 0 : 1;
      } catch (StoreException e) {
        throw new StationCommandException(e.getMessage(), e);
      }
    }

    // Where the journal stops holding what the checkpoint saw: just after its last entry.
    private static long sequence(InterventionStore store) throws StoreException {
      return JournalHead.of(store).map(JournalHead::sequence).orElse(0L) + 1;
    }

    private static void printHeld(PrintWriter out, CheckpointCheck.Outcome held) {
      out.println(
          "Checkpoint of "
              + held.checkpoint().createdAt()
              + " held: entries 1 to "
              + held.checkpoint().sequence()
              + " unchanged since; signed by "
              + VisibleText.of(held.signer())
              + ".");
      out.flush();
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
