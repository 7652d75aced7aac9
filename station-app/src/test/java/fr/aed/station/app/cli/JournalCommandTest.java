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
import fr.aed.station.crypto.SoftwareDeviceKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code journal verify} and {@code list} on a real SQLite file, tampered with from outside. */
class JournalCommandTest {

  @TempDir Path dir;
  private TestAuthority authority;

  @BeforeEach
  void recordTwoMeetings() throws Exception {
    authority = TestAuthority.create("AED Test CA");
    Enrollment sample = SampleEnrollment.at(LocalDateTime.of(2026, 11, 24, 10, 0));
    Instant at = Instant.parse("2026-11-24T09:00:00Z");
    try (InterventionStore store = InterventionStore.open(dir.resolve("station.db"))) {
      for (int i = 0; i < 2; i++) {
        TestOfficerKey.register(store);
        String id = store.begin(sample, EnrollmentFile.toJson(sample), at);
        store.record(id, StepRecord.of(Step.CHECKS_RECORDED, Map.of("kbisDate", "2026-11-01")), at);
        store.record(id, StepRecord.of(Step.CLOSED, Map.of()), at);
      }
      // a meeting closes under the officer's seal, made with a certificate the trust list vouches
      // for
      store.sealJournal(
          "INT",
          OFFICER,
          authority.certify(
              OFFICER,
              new X500Principal("CN=Officer, C=FR"),
              at.minus(Duration.ofDays(1)),
              at.plus(Duration.ofDays(365))),
          at);
    }
  }

  private static final SoftwareDeviceKey OFFICER = officerKey();

  private static SoftwareDeviceKey officerKey() {
    try {
      return SoftwareDeviceKey.ec("secp256r1");
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = StationCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  private JsonNode verify() throws Exception {
    String[] result =
        run(
            "journal",
            "verify",
            "--json",
            "--trust-list",
            authority.writeTrustList(dir.resolve("trust.pem")).toString(),
            "--data-dir",
            dir.toString());
    JsonNode node = EnrollmentFile.mapper().readTree(result[1]);
    assertEquals(node.get("intact").asBoolean() ? "0" : "1", result[0], result[2]);
    return node;
  }

  private void tamper(String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("station.db"));
        Statement s = c.createStatement()) {
      s.execute("DROP TRIGGER journal_no_update");
      s.execute("DROP TRIGGER journal_no_delete");
      s.execute("DROP TRIGGER journal_seal_no_delete");
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  @Test
  void intactJournal() throws Exception {
    JsonNode node = verify();
    assertTrue(node.get("intact").asBoolean());
    // the key registered once, three events per meeting, the seal
    assertEquals(8, node.get("entries").asInt());
  }

  @Test
  void editedRowIsReportedAtItsPlace() throws Exception {
    tamper("UPDATE journal SET detail = '{\"kbisDate\":\"2025-01-01\"}' WHERE seq = 5");
    JsonNode broken = verify().get("firstBrokenLink");
    assertEquals(5, broken.get("sequence").asInt());
    assertTrue(broken.get("reason").asText().contains("altered"));
  }

  @Test
  void deletedRowIsReported() throws Exception {
    tamper("DELETE FROM journal WHERE seq = 3");
    assertEquals(3, verify().get("firstBrokenLink").get("sequence").asInt());
  }

  @Test
  void reorderedRowsAreReported() throws Exception {
    tamper(
        "UPDATE journal SET seq = 100 WHERE seq = 2",
        "UPDATE journal SET seq = 2 WHERE seq = 3",
        "UPDATE journal SET seq = 3 WHERE seq = 100");
    assertEquals(2, verify().get("firstBrokenLink").get("sequence").asInt());
  }

  @Test
  void humanOutputNamesTheBrokenEntry() throws Exception {
    tamper("UPDATE journal SET event = 'CLOSED' WHERE seq = 2");
    String[] result = run("journal", "verify", "--data-dir", dir.toString());
    assertEquals("1", result[0]);
    assertTrue(result[1].startsWith("Journal BROKEN at entry 2:"), result[1]);
  }

  @Test
  void journalCutAfterASealedEntryIsReported() throws Exception {
    assertTrue(verify().get("intact").asBoolean());

    tamper("DELETE FROM journal WHERE seq >= 7");

    JsonNode broken = verify().get("firstBrokenLink");
    assertEquals(7, broken.get("sequence").asInt());
    assertTrue(broken.get("reason").asText().contains("truncated"));
  }

  @Test
  void aDeletedSealIsFound() throws Exception {
    tamper("DELETE FROM journal_seal");

    JsonNode broken = verify().get("firstBrokenLink");
    assertEquals(8, broken.get("sequence").asInt());
    assertTrue(broken.get("reason").asText().contains("the seal this entry recorded is gone"));
  }

  @Test
  void sealsAndTheirRecordsCutFromTheEndLeaveEntriesSaidUnsealed() throws Exception {
    tamper("DELETE FROM journal_seal", "DELETE FROM journal WHERE seq = 8");

    String[] result =
        run(
            "journal",
            "verify",
            "--trust-list",
            authority.writeTrustList(dir.resolve("trust.pem")).toString(),
            "--data-dir",
            dir.toString());
    // a clean cut of the end is for a checkpoint to find; the verifier says what no seal covers
    assertTrue(
        result[1].contains("Entries 1 to 7 come after the last seal"), result[1] + result[2]);
  }

  @Test
  void listShowsEveryIntervention() throws Exception {
    String[] result = run("list", "--json", "--data-dir", dir.toString());
    assertEquals("0", result[0], result[2]);
    JsonNode list = EnrollmentFile.mapper().readTree(result[1]);
    assertEquals(2, list.size());
    assertEquals("CLOSED", list.get(0).get("status").asText());
  }
}
