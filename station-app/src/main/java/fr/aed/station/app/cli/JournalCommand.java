package fr.aed.station.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.JournalHead;
import fr.aed.station.app.store.JournalVerification;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.app.text.VisibleText;
import fr.aed.station.crypto.journal.BrokenLink;
import fr.aed.station.crypto.journal.SealingCertificate;
import fr.aed.station.crypto.trust.SignerTrust;
import fr.aed.station.crypto.trust.SignerVerdict;
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
        "Recomputes the journal's hash chain, checks the officer's seals and that each seal's",
        "certificate chains to the trust list (at the seal's time, not revoked by a --crl given),",
        "and reports the first broken link.",
        "Exit code 0 when the chain and every seal hold with a trust list; 1 when something is",
        "broken, or when no trust list was given (the seals then prove nothing); 2 when a trust",
        "list or revocation list cannot be read."
      })
  static final class Verify implements Callable<Integer> {

    @Mixin DataDirectory data;
    @Mixin TrustOptions trustOptions;

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
      SignerTrust trust = trustOptions.trust(data);
      // Read-only: an auditor's copy is verified as it is, never migrated or written.
      try (InterventionStore store = InterventionStore.openReadOnly(data.database())) {
        // Streamed: the journal is checked in bounded memory, however long it is.
        JournalVerification.Outcome outcome = new JournalVerification(store, trust).verify();
        Optional<CheckpointCheck.Outcome> checkpoint = Optional.empty();
        if (outcome.brokenLink().isEmpty() && against != null) {
          checkpoint = Optional.of(CheckpointCheck.against(store, against, trust));
          outcome = withCheckpoint(store, outcome, checkpoint.get());
        }
        if (json) {
          printJson(spec.commandLine().getOut(), outcome);
        } else {
          print(spec.commandLine().getOut(), outcome);
        }
        checkpoint
            .filter(c -> c.problem().isEmpty() && !json)
            .ifPresent(c -> printCheckpoint(spec.commandLine().getOut(), c));
        if (checkpoint.flatMap(CheckpointCheck.Outcome::refused).isPresent()) {
          // the checkpoint file, not the journal, is at fault: said apart, exit 1
          throw new StationCommandException(
              "the checkpoint "
                  + against
                  + " is refused: "
                  + checkpoint.flatMap(CheckpointCheck.Outcome::refused).get());
        }
        if (outcome.intact() && !outcome.trustChecked()) {
          throw new StationCommandException(
              "the seals were not checked against a trust list: " + TrustOptions.NO_TRUST_LIST);
        }
        return outcome.intact() ? 0 : 1;
      } catch (StoreException e) {
        throw new StationCommandException(e.getMessage(), e);
      }
    }

    // A checkpoint the database no longer holds is broken just after the journal's last entry.
    private static JournalVerification.Outcome withCheckpoint(
        InterventionStore store, JournalVerification.Outcome outcome, CheckpointCheck.Outcome held)
        throws StoreException {
      if (held.problem().isEmpty()) {
        return outcome;
      }
      long after = JournalHead.of(store).map(JournalHead::sequence).orElse(0L) + 1;
      return new JournalVerification.Outcome(
          outcome.entries(),
          Optional.of(new BrokenLink(after, held.problem().get())),
          outcome.trustChecked(),
          outcome.sealingCertificates());
    }

    private static void printCheckpoint(PrintWriter out, CheckpointCheck.Outcome held) {
      if (held.refused().isPresent()) {
        return;
      }
      out.println(
          "Checkpoint of "
              + held.checkpoint().createdAt()
              + " held: entries 1 to "
              + held.checkpoint().sequence()
              + " unchanged since; signed by "
              + VisibleText.of(held.signer())
              + (held.fromPackage()
                  ? " (read from the package; its other files are checked against its signed"
                      + " manifest, not here)."
                  : "."));
      out.flush();
    }

    private static void print(PrintWriter out, JournalVerification.Outcome outcome) {
      Optional<BrokenLink> broken = outcome.brokenLink();
      if (broken.isPresent()) {
        // a record in no entry has no entry to name
        out.println(
            (broken.get().sequence() > 0
                    ? "Journal BROKEN at entry " + broken.get().sequence() + ": "
                    : "Journal BROKEN: ")
                + VisibleText.of(broken.get().reason()));
      } else if (outcome.trustChecked()) {
        out.println(
            "Journal intact: "
                + outcome.entries()
                + " entries, every link holds; "
                + seals(outcome)
                + ", each by a certificate a trusted authority issued.");
      } else {
        out.println(
            "Journal chain holds: "
                + outcome.entries()
                + " entries, every link holds; "
                + seals(outcome)
                + ", NOT checked against a trust list: the seals prove nothing.");
      }
      if (broken.isEmpty()) {
        outcome.sealingCertificates().forEach(c -> out.println(sealer(c)));
        if (outcome.sealedThrough() < outcome.entries()) {
          out.println(
              "Entries "
                  + (outcome.sealedThrough() + 1)
                  + " to "
                  + outcome.entries()
                  + " come after the last seal: only a checkpoint made after them, kept elsewhere,"
                  + " vouches for them.");
        }
        if (outcome.demonstration()) {
          out.println(
              "DEMONSTRATION seals: made with this data folder's demonstration card, they prove"
                  + " nothing.");
        }
      }
      out.flush();
    }

    private static String seals(JournalVerification.Outcome outcome) {
      return outcome.seals() == 0
          ? "no seal"
          : outcome.seals() + " seal(s), the last over entry " + outcome.sealedThrough();
    }

    private static String sealer(SealingCertificate certificate) {
      SignerVerdict verdict = certificate.verdict();
      return "Sealed by "
          + verdict.subject()
          + ": certificate SHA-256 "
          + verdict.sha256()
          + ", "
          + certificate.seals()
          + " seal(s), entries "
          + certificate.firstSequence()
          + " to "
          + certificate.lastSequence()
          + verdict
              .authority()
              .map(
                  a ->
                      ", issued by "
                          + a.subject()
                          + (a.demonstration() ? " (DEMONSTRATION authority)" : " (trust list)"))
              .orElse(", not checked");
    }

    private static void printJson(PrintWriter out, JournalVerification.Outcome outcome) {
      ObjectNode node = EnrollmentFile.mapper().createObjectNode();
      node.put("entries", outcome.entries());
      node.put("intact", outcome.intact() && outcome.trustChecked());
      node.put("chainHolds", outcome.intact());
      node.put("trustChecked", outcome.trustChecked());
      node.put("demonstration", outcome.demonstration());
      outcome
          .brokenLink()
          .ifPresent(
              b ->
                  node.putObject("firstBrokenLink")
                      .put("sequence", b.sequence())
                      .put("reason", b.reason()));
      if (outcome.intact()) {
        node.put("seals", outcome.seals());
        node.put("sealedThrough", outcome.sealedThrough());
        ArrayNode certificates = node.putArray("sealingCertificates");
        for (SealingCertificate c : outcome.sealingCertificates()) {
          ObjectNode item =
              certificates
                  .addObject()
                  .put("subject", c.verdict().subject())
                  .put("sha256", c.verdict().sha256())
                  .put("seals", c.seals())
                  .put("firstSequence", c.firstSequence())
                  .put("lastSequence", c.lastSequence());
          c.verdict()
              .authority()
              .ifPresent(
                  a ->
                      item.putObject("authority")
                          .put("subject", a.subject())
                          .put("sha256", a.sha256())
                          .put("demonstration", a.demonstration()));
        }
      }
      out.println(node.toString());
      out.flush();
    }
  }
}
