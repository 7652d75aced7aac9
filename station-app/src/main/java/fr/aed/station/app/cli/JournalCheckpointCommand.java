package fr.aed.station.app.cli;

import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.files.PrivateFiles;
import fr.aed.station.app.officer.MeetingOfficer;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.officer.OfficerMismatchException;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.JournalCheckpoints;
import fr.aed.station.app.store.OfficerProfiles;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.DeviceSigningException;
import fr.aed.station.crypto.Fingerprints;
import fr.aed.station.crypto.journal.JournalCheckpoint;
import fr.aed.station.crypto.pades.DetachedSignatures;
import fr.aed.station.crypto.pades.HttpTimestampAuthority;
import fr.aed.station.crypto.pades.SheetSigningException;
import fr.aed.station.crypto.pades.TimestampAuthority;
import fr.aed.station.crypto.pades.TimestampException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code station journal checkpoint}: a signed statement of the journal, to keep elsewhere. */
@Command(
    name = "checkpoint",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a checkpoint of the journal signed by the officer's card: which journal, its last",
      "entry, when. Keep it away from this computer: `station journal verify --against FILE`",
      "then proves the database still holds everything up to it."
    })
final class JournalCheckpointCommand implements Runnable {

  /** The journal event of a checkpoint. */
  static final String EVENT = "CHECKPOINT_WRITTEN";

  private static final Duration TSA_TIMEOUT = Duration.ofSeconds(20);

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write it.")
  Path out;

  @Option(
      names = "--tsa",
      paramLabel = "URL",
      description = "RFC 3161 timestamp authority: the checkpoint's signature is timestamped.")
  URI tsa;

  @Mixin OfficerOptions officer;
  @Mixin DataDirectory data;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    if (officer.officer == null) {
      throw new StationUsageException(
          "the checkpoint is signed by the officer's card: add --officer pcsc:<reader> (or demo)");
    }
    try (InterventionStore store = InterventionStore.open(data.database())) {
      Officer registered =
          new OfficerProfiles(store)
              .load()
              .map(OfficerProfiles.OfficerProfile::officer)
              .orElseThrow(
                  () ->
                      new StationCommandException(
                          "no officer is registered on this station: `station officer register`"
                              + " first"));
      JournalCheckpoint checkpoint;
      byte[] file;
      try (OfficerCredential credential = officer.open(registered, data)) {
        MeetingOfficer.requireIssuedTo(credential.certificate(), registered);
        // The head is sealed first: whatever closed since the last seal is under one now.
        store.sealJournal(
            InterventionStore.STATION, credential.key(), credential.certificate(), Instant.now());
        checkpoint = new JournalCheckpoints(store).current(Instant.now());
        file = checkpoint.file(sign(checkpoint, credential));
      } catch (DeviceSigningException e) {
        throw new StationCommandException(
            "the officer's card did not seal the journal: " + e.getMessage(), e);
      }
      PrivateFiles.write(out, file);
      store.note(
          InterventionStore.STATION,
          EVENT,
          Map.of(
              "sequence", Long.toString(checkpoint.sequence()),
              "checkpointSha256", Fingerprints.sha256Hex(file)),
          Instant.now());
      print(spec.commandLine().getOut(), checkpoint);
    } catch (StoreException | OfficerMismatchException e) {
      throw new StationCommandException(e.getMessage(), e);
    } catch (IOException e) {
      throw new StationCommandException("cannot write " + out + ": " + e.getMessage(), e);
    }
  }

  private byte[] sign(JournalCheckpoint checkpoint, OfficerCredential credential) {
    Optional<TimestampAuthority> timestamps =
        Optional.ofNullable(tsa).map(url -> new HttpTimestampAuthority(url, TSA_TIMEOUT));
    try {
      return DetachedSignatures.sign(
          checkpoint.content(), credential.key(), credential.chain(), timestamps);
    } catch (DeviceSigningException e) {
      throw new StationCommandException(
          "the officer's card did not sign the checkpoint: " + e.getMessage(), e);
    } catch (TimestampException e) {
      throw new StationCommandException(
          "the timestamp authority gave no timestamp: " + e.getMessage() + "; nothing written", e);
    } catch (SheetSigningException e) {
      throw new StationCommandException(e.getMessage(), e);
    }
  }

  private void print(PrintWriter out, JournalCheckpoint checkpoint) {
    out.println(
        "Checkpoint written: "
            + this.out.toAbsolutePath()
            + " (entry "
            + checkpoint.sequence()
            + ", "
            + checkpoint.createdAt()
            + ")");
    out.println(
        "Keep it away from this computer; verify with: station journal verify --against FILE");
    out.flush();
  }
}
