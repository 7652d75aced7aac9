package fr.aed.station.app.store;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.identity.NameFolding;
import fr.aed.station.crypto.SoftwareDeviceKey;
import fr.aed.station.crypto.journal.ChainedEntry;
import fr.aed.station.crypto.journal.JournalChain;
import fr.aed.station.crypto.journal.JournalEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.security.auth.x500.X500Principal;

/**
 * Fills a fresh store with generated interventions and their journal, in large transactions,
 * chaining each entry with the journal's own {@link JournalChain#append} so the result verifies.
 * For the benchmark only: it bypasses the store's one-transaction-per-step path for speed.
 */
final class HistoryGenerator {

  static final String[] SURNAMES = {
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
    "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "García", "David", "Bertrand", "Roux",
    "Vincent", "Fournier", "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert",
    "Bonnet", "François", "Martinez"
  };
  static final String[] GIVEN = {"Élodie", "Jean", "Marie", "Pierre", "Camille", "Luc", "Inès"};
  static final String[] TRADES = {
    "Boulangerie", "Cabinet", "Atelier", "Garage", "Pharmacie", "Menuiserie", "Étude", "Agence"
  };
  private static final int BATCH = 20_000;

  private final InterventionStore store;
  private final Random random = new Random(42);
  private final String template;
  private String previous = JournalChain.GENESIS;
  private long sequence;

  HistoryGenerator(InterventionStore store) {
    this.store = store;
    Enrollment sample = SampleEnrollment.at(LocalDateTime.of(2020, 1, 1, 9, 0));
    this.template = EnrollmentFile.toJson(sample);
  }

  /** Generates {@code count} meetings over the years before {@code end}, oldest first. */
  void generate(int count, Instant end) throws SQLException {
    Connection connection = store.connection();
    try (Statement pragma = connection.createStatement()) {
      connection.commit();
      connection.setAutoCommit(true);
      pragma.execute("PRAGMA synchronous = OFF"); // a throw-away benchmark file
      connection.setAutoCommit(false);
    }
    Instant start = end.minus(Duration.ofDays(3650));
    long step = Duration.between(start, end).getSeconds() / count;
    try (PreparedStatement meeting = connection.prepareStatement(INSERT_MEETING);
        PreparedStatement journal = connection.prepareStatement(INSERT_JOURNAL)) {
      for (int i = 0; i < count; i++) {
        insert(meeting, journal, i, start.plusSeconds(i * step + random.nextInt((int) step)));
        if ((i + 1) % BATCH == 0) {
          flush(connection, meeting, journal);
        }
      }
      flush(connection, meeting, journal);
    }
  }

  /**
   * Seals the journal's head as a meeting closing does, with a key the authority certifies for the
   * time of the seal: the last meeting closed is under a seal.
   */
  static void seal(InterventionStore store, TestAuthority authority, Instant at) throws Exception {
    SoftwareDeviceKey officer = SoftwareDeviceKey.ec("secp256r1");
    store.sealJournal(
        InterventionStore.STATION,
        officer,
        authority.certify(
            officer,
            new X500Principal("CN=Jean Exemple, C=FR"),
            at.minus(Duration.ofDays(1)),
            at.plus(Duration.ofDays(365))),
        at);
  }

  private static final String INSERT_MEETING =
      "INSERT INTO intervention (id, dossier_id, holder_name, company_name, status, step,"
          + " started_at, updated_at, enrollment_json, holder_folded, company_folded, csr_sha256,"
          + " csr_pem, sheet_path, sheet_sha256, ended_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_JOURNAL =
      "INSERT INTO journal (seq, recorded_at, intervention, event, detail, previous_hash, hash)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)";

  private void insert(PreparedStatement meeting, PreparedStatement journal, int i, Instant at)
      throws SQLException {
    String id = String.format("INT-%08d", i);
    String holder =
        GIVEN[random.nextInt(GIVEN.length)] + " " + SURNAMES[random.nextInt(SURNAMES.length)];
    String company =
        TRADES[random.nextInt(TRADES.length)] + " " + SURNAMES[random.nextInt(SURNAMES.length)];
    int roll = random.nextInt(100);
    String status = roll < 85 ? "CLOSED" : roll < 95 ? "REFUSED" : roll < 99 ? "FAILED" : "OPEN";
    String step = status.equals("OPEN") ? "SHEET_PRODUCED" : status;
    Instant ended = at.plusSeconds(1200);
    String[] values = {
      id,
      "DOS-" + i,
      holder,
      company,
      status,
      step,
      at.toString(),
      ended.toString(),
      template.replace("Lefèvre-Dubois", holder).replace("Atelier Numérique Démo", company),
      NameFolding.folded(holder),
      NameFolding.folded(company),
      hex(i),
      "-----BEGIN CERTIFICATE"
          + " REQUEST-----\n"
          + "A".repeat(800)
          + "\n-----END CERTIFICATE REQUEST-----\n",
      "/var/lib/aed-station/interventions/" + id + "-sheet.pdf",
      hex(i + 1)
    };
    for (int c = 0; c < values.length; c++) {
      meeting.setString(c + 1, values[c]);
    }
    String endedAt = status.equals("OPEN") ? null : ended.toString();
    meeting.setString(values.length + 1, endedAt);
    meeting.addBatch();
    // the meeting's last entry carries its row's digest, as the store's own entries do
    String row = RecordDigests.intervention(rowValues(values, endedAt));
    if (status.equals("OPEN")) {
      chain(journal, id, "DOSSIER_OPENED", Map.of("dossier", "DOS-" + i, "row", row), at);
    } else {
      chain(journal, id, "DOSSIER_OPENED", Map.of("dossier", "DOS-" + i), at);
      chain(journal, id, "SHEET_SIGNED", Map.of("sheetSha256", hex(i + 1)), ended.minusSeconds(5));
      chain(journal, id, status, Map.of("row", row), ended);
    }
  }

  // The generated row in the digest's column order; the columns it leaves out are null, or ''
  // for the folded names' defaults.
  private static Object[] rowValues(String[] values, String endedAt) {
    List<String> inserted =
        List.of(
            "id",
            "dossier_id",
            "holder_name",
            "company_name",
            "status",
            "step",
            "started_at",
            "updated_at",
            "enrollment_json",
            "holder_folded",
            "company_folded",
            "csr_sha256",
            "csr_pem",
            "sheet_path",
            "sheet_sha256");
    Object[] row = new Object[RecordDigests.columns().size()];
    for (int c = 0; c < row.length; c++) {
      String column = RecordDigests.columns().get(c);
      int given = inserted.indexOf(column);
      row[c] = given >= 0 ? values[given] : column.equals("ended_at") ? endedAt : null;
    }
    return row;
  }

  private void chain(
      PreparedStatement journal, String id, String event, Map<String, String> detail, Instant at)
      throws SQLException {
    sequence++;
    ChainedEntry chained =
        JournalChain.append(
            previous,
            new JournalEntry(sequence, at.toString(), id, event, JournalRows.canonical(detail)));
    journal.setLong(1, sequence);
    journal.setString(2, at.toString());
    journal.setString(3, id);
    journal.setString(4, event);
    journal.setString(5, chained.entry().detail());
    journal.setString(6, previous);
    journal.setString(7, chained.hash());
    journal.addBatch();
    previous = chained.hash();
  }

  private static void flush(
      Connection connection, PreparedStatement meeting, PreparedStatement journal)
      throws SQLException {
    meeting.executeBatch();
    journal.executeBatch();
    connection.commit();
  }

  private static String hex(long value) {
    return String.format("%064x", value * 0x9E3779B97F4A7C15L);
  }
}
