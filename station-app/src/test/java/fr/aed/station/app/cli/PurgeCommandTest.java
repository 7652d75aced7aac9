package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.Step;
import fr.aed.station.app.store.StepRecord;
import fr.aed.station.app.store.TestAuthority;
import fr.aed.station.app.store.TestOfficerKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code purge} from the command line: a dry run lists, --apply erases, the journal still holds.
 */
class PurgeCommandTest {

  @TempDir Path dir;

  private String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data-dir";
    all[args.length + 1] = dir.toString();
    int code = StationCommand.execute(all, new PrintWriter(out), new PrintWriter(err));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  private String refusedMeeting(Instant at) throws Exception {
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      Enrollment sample = SampleEnrollment.at(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
      TestOfficerKey.register(store);
      String id = store.begin(sample, EnrollmentFile.toJson(sample), at);
      store.record(id, StepRecord.of(Step.REFUSED, Map.of()), at.plusSeconds(60));
      return id;
    }
  }

  @Test
  void dryRunListsApplyErasesAndTheJournalStillVerifies() throws Exception {
    String old = refusedMeeting(Instant.parse("2010-06-01T10:00:00Z"));
    String recent = refusedMeeting(Instant.now());

    String[] dry = run("purge", "--dry-run", "--json");
    assertEquals("0", dry[0], dry[2]);
    JsonNode listed = EnrollmentFile.mapper().readTree(dry[1]);
    assertEquals(1, listed.get("count").asInt());
    assertEquals(old, listed.get("interventions").get(0).get("id").asText());
    assertEquals("2017-06-01", listed.get("interventions").get(0).get("keptUntil").asText());

    String[] applied = run("purge", "--apply");
    assertEquals("0", applied[0], applied[2]);
    assertTrue(applied[1].contains("1 intervention(s) erased"), applied[1]);
    assertEquals("0", run("purge", "--dry-run", "--json")[0]);
    assertEquals(
        0,
        EnrollmentFile.mapper()
            .readTree(run("purge", "--dry-run", "--json")[1])
            .get("count")
            .asInt());

    // No meeting here was sealed: any trust list lets the chain be judged.
    Path trustList = TestAuthority.create("AED Test CA").writeTrustList(dir.resolve("trust.pem"));
    String[] verify = run("journal", "verify", "--json", "--trust-list", trustList.toString());
    assertEquals("0", verify[0], verify[1] + verify[2]);
    assertEquals(6, EnrollmentFile.mapper().readTree(verify[1]).get("entries").asInt());
    String[] list = run("list");
    assertTrue(list[1].contains(recent), list[1]);
  }

  @Test
  void applyRefusesToJudgeOnAFutureDay() {
    String[] result = run("purge", "--apply", "--on", "2150-01-01");
    assertEquals("1", result[0]);
    assertTrue(result[2].contains("--apply"), result[2]);
  }

  @Test
  void dryRunOrApplyMustBeChosen() {
    assertEquals("2", run("purge")[0]);
    assertEquals("2", run("purge", "--dry-run", "--apply")[0]);
  }
}
