package fr.aed.station.app.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Erases the personal data of meetings whose retention period is over ({@link RetentionPolicy}),
 * keeping a tombstone row: identifier, dossier, status, dates, fingerprints. The journal and its
 * seals are never touched, so the chain still verifies; each erasure is journaled (PURGED) in the
 * same transaction as the erasure itself.
 */
public final class RetentionPurge {

  /** The journal event of an erasure. */
  public static final String EVENT = "PURGED";

  /** What an erased holder's and company's name read as in the list. */
  public static final String ERASED = "(données effacées)";

  // The columns that hold personal data, or lead to it (the sheet prints the holder's identity).
  private static final List<String> PERSONAL_COLUMNS =
      List.of(
          "holder_name",
          "company_name",
          "holder_folded",
          "company_folded",
          "enrollment_json",
          "identity_sealed",
          "token_serial",
          "csr_pem",
          "sheet_path",
          "outcome_reason");

  private static final String ERASE =
      "UPDATE intervention SET holder_name = ?, company_name = ?, holder_folded = '',"
          + " company_folded = '', enrollment_json = '{}', identity_sealed = NULL,"
          + " token_serial = NULL, csr_pem = NULL,"
          + " sheet_path = NULL, outcome_reason = NULL, purged_at = ?"
          + " WHERE id = ? AND purged_at IS NULL";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final InterventionStore store;
  private final ZoneId zone;

  /** Purges {@code store}, reading meeting days in {@code zone}. */
  public RetentionPurge(InterventionStore store, ZoneId zone) {
    this.store = store;
    this.zone = zone;
  }

  /**
   * The meetings whose records may be erased on {@code day}, oldest first.
   *
   * @throws StoreException if the database cannot be read
   */
  public List<PurgeCandidate> expired(LocalDate day) throws StoreException {
    // A coarse filter in SQL (no meeting younger than 7 years can be due), the exact rule in Java.
    String notAfter = day.minusYears(RetentionPolicy.YEARS_AFTER_VALIDITY).plusDays(2).toString();
    List<PurgeCandidate> due = new ArrayList<>();
    try (PreparedStatement select =
        store
            .connection()
            .prepareStatement(
                "SELECT id, status, started_at, ended_at, enrollment_json, sheet_path"
                    + " FROM intervention WHERE status IN ('CLOSED', 'REFUSED', 'FAILED')"
                    + " AND started_at < ? AND purged_at IS NULL ORDER BY started_at, id")) {
      select.setString(1, notAfter);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          candidate(rows, day).ifPresent(due::add);
        }
      }
      store.connection().commit();
    } catch (SQLException e) {
      throw StoreErrors.translate(store.file(), e);
    }
    return due;
  }

  /**
   * Erases the personal data of one due meeting and journals it, in one transaction; then deletes
   * the files the meeting wrote (its sheet and request beside it), which print the same data.
   *
   * @return the files that could not be deleted, to be removed by hand
   * @throws StoreException if the database cannot be written; nothing is erased then
   */
  public List<Path> erase(PurgeCandidate due, Instant at) throws StoreException {
    Map<String, String> detail =
        Map.of(
            "count", Integer.toString(PERSONAL_COLUMNS.size()),
            "keptUntil", due.keptUntil().toString());
    store.journaled(
        due.id(),
        EVENT,
        detail,
        at,
        () -> {
          try (PreparedStatement erase = store.connection().prepareStatement(ERASE)) {
            erase.setString(1, ERASED);
            erase.setString(2, ERASED);
            erase.setString(3, at.toString());
            erase.setString(4, due.id());
            if (erase.executeUpdate() != 1) {
              throw new SQLException("intervention " + due.id() + " was purged already");
            }
          }
        });
    return deleteFiles(due);
  }

  private static List<Path> deleteFiles(PurgeCandidate due) {
    List<Path> left = new ArrayList<>();
    if (due.sheetPath() == null) {
      return left;
    }
    Path sheet = Path.of(due.sheetPath());
    Path parent = sheet.toAbsolutePath().getParent();
    for (Path file : List.of(sheet, parent.resolve(due.id() + "-request.pem"))) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        left.add(file);
      }
    }
    return left;
  }

  private Optional<PurgeCandidate> candidate(ResultSet row, LocalDate day) throws SQLException {
    String status = row.getString("status");
    LocalDate meetingDay = dayOf(row.getString("started_at"));
    String ended = row.getString("ended_at");
    LocalDate endedDay = ended == null ? meetingDay : dayOf(ended);
    Optional<LocalDate> keptUntil =
        RetentionPolicy.keptUntil(
            status, meetingDay, endedDay, validityYears(row.getString("enrollment_json")));
    String id = row.getString("id");
    String sheet = row.getString("sheet_path");
    return keptUntil
        .filter(until -> RetentionPolicy.expired(until, day))
        .map(until -> new PurgeCandidate(id, status, until, sheet));
  }

  private LocalDate dayOf(String instant) {
    return Instant.parse(instant).atZone(zone).toLocalDate();
  }

  // When the recorded validity cannot be read, the longest one keeps the records longest.
  private static int validityYears(String enrollmentJson) {
    try {
      JsonNode years = JSON.readTree(enrollmentJson).path("dossier").path("validityYears");
      return years.canConvertToInt() && years.intValue() > 0
          ? years.intValue()
          : RetentionPolicy.LONGEST_VALIDITY_YEARS;
    } catch (IOException e) {
      return RetentionPolicy.LONGEST_VALIDITY_YEARS;
    }
  }
}
