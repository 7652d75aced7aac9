package fr.aed.station.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.crypto.journal.JournalEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention: the boundaries at exactly 7 years, the erasure, and the journal left whole. */
class RetentionPurgeTest {

  // The sample dossier asks for 3 years of validity: closed 2015-03-10, valid until 2018-03-10,
  // kept until 2025-03-10 included.
  private static final Instant CLOSED_AT = Instant.parse("2015-03-10T10:00:00Z");
  private static final Instant REFUSED_MEETING = Instant.parse("2016-05-20T14:00:00Z");

  @TempDir Path dir;
  private InterventionStore store;
  private RetentionPurge purge;
  private String closed;
  private String refused;
  private String open;

  @BeforeEach
  void meetings() throws Exception {
    store = InterventionStore.open(dir.resolve("station.db"));
    purge = new RetentionPurge(store, ZoneOffset.UTC);
    Path sheet = Files.writeString(dir.resolve("x-sheet.pdf"), "sheet");
    closed = meeting(CLOSED_AT.minusSeconds(3600));
    store.record(
        closed,
        new StepRecord(
            Step.SHEET_PRODUCED,
            Map.of(),
            Map.of(
                InterventionField.SHEET_PATH, sheet.toString(), InterventionField.CSR_PEM, "pem")),
        CLOSED_AT.minusSeconds(60));
    store.record(closed, StepRecord.of(Step.CLOSED, Map.of()), CLOSED_AT);
    // a meeting closes under the officer's seal
    HistoryGenerator.seal(store, TestAuthority.create("Purge CA"), CLOSED_AT);
    refused = meeting(REFUSED_MEETING);
    store.record(refused, StepRecord.of(Step.REFUSED, Map.of()), REFUSED_MEETING.plusSeconds(600));
    open = meeting(Instant.parse("2001-01-01T08:00:00Z"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private String meeting(Instant at) throws StoreException {
    Enrollment sample = SampleEnrollment.at(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    TestOfficerKey.register(store);
    return store.begin(sample, EnrollmentFile.toJson(sample), at);
  }

  private List<String> due(String day) throws StoreException {
    return purge.expired(LocalDate.parse(day)).stream().map(PurgeCandidate::id).toList();
  }

  @Test
  void aClosedMeetingIsKeptSevenYearsAfterItsCertificateEnds() throws Exception {
    assertFalse(due("2025-03-09").contains(closed));
    assertFalse(due("2025-03-10").contains(closed));
    assertTrue(due("2025-03-11").contains(closed));
    assertEquals(
        LocalDate.of(2025, 3, 10),
        purge.expired(LocalDate.of(2025, 3, 11)).stream()
            .filter(c -> c.id().equals(closed))
            .findFirst()
            .orElseThrow()
            .keptUntil());
  }

  @Test
  void aRefusedMeetingIsKeptSevenYearsAfterTheMeeting() throws Exception {
    assertFalse(due("2023-05-19").contains(refused));
    assertFalse(due("2023-05-20").contains(refused));
    assertTrue(due("2023-05-21").contains(refused));
  }

  @Test
  void anOpenMeetingIsNeverDue() throws Exception {
    assertFalse(due("2099-01-01").contains(open));
  }

  @Test
  void erasureKeepsATombstoneAndTheWholeJournal() throws Exception {
    int before = store.journal().size();
    PurgeCandidate candidate = purge.expired(LocalDate.of(2025, 3, 11)).get(0);
    assertEquals(closed, candidate.id());

    assertEquals(List.of(), purge.erase(candidate, Instant.parse("2025-03-11T08:00:00Z")));

    InterventionState state = store.state(closed).orElseThrow();
    InterventionSummary summary = store.find(closed).orElseThrow();
    assertEquals(RetentionPurge.ERASED, summary.holderName());
    assertEquals(RetentionPurge.ERASED, summary.companyName());
    assertEquals("{}", state.enrollmentJson());
    assertNull(state.csrPem());
    assertNull(state.sheetPath());
    assertEquals("CLOSED", state.status());
    assertFalse(Files.exists(dir.resolve("x-sheet.pdf")));
    assertEquals(
        List.of(), store.search(new InterventionSearch("lefevre", null, null, null, "CLOSED", 10)));

    List<JournalEntry> after = store.journal().stream().map(e -> e.entry()).toList();
    assertEquals(before + 1, after.size());
    JournalEntry last = after.get(after.size() - 1);
    assertEquals("PURGED", last.event());
    assertEquals(closed, last.intervention());
    assertTrue(last.detail().contains("\"count\""), last.detail());
    assertEquals(Optional.empty(), store.verifyJournal());
    assertTrue(new JournalVerification(store).verify().intact());
    assertFalse(due("2025-03-11").contains(closed), "purged once only");
  }
}
