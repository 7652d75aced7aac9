package fr.aed.station.app.store;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How long a meeting's records are kept: at least 7 years after the certificate stops being valid
 * (ETSI EN 319 411-1, OVR-6.4.6-01).
 *
 * <p>The station never sees the certificate: the authority issues it after the meeting. The
 * station's approximation of its end is the day the meeting closed plus the dossier's validity in
 * years. The real end comes later by the authority's issuing delay (usually days), which this
 * approximation does not count: the authority's own records cover that difference. A refused or
 * failed meeting led to no certificate: it is kept 7 years after the meeting. An open meeting is
 * kept: it may still be resumed.
 *
 * <p>The records are kept through the last day of the period and may be erased from the day after.
 */
public final class RetentionPolicy {

  /** Years the records are kept after the certificate stops being valid. */
  public static final int YEARS_AFTER_VALIDITY = 7;

  /** The longest validity a dossier may ask for: assumed when the recorded one cannot be read. */
  public static final int LONGEST_VALIDITY_YEARS = 3;

  private RetentionPolicy() {}

  /**
   * The last day the records of a meeting must be kept.
   *
   * @param status OPEN, CLOSED, REFUSED or FAILED
   * @param meetingDay the day the meeting started
   * @param endedDay the day it closed, refused or failed (null while open)
   * @param validityYears the certificate's validity the dossier asked for
   * @return empty for an open meeting, which is kept
   */
  public static Optional<LocalDate> keptUntil(
      String status, LocalDate meetingDay, LocalDate endedDay, int validityYears) {
    return switch (status) {
      case "CLOSED" ->
          Optional.of(endedDay.plusYears(validityYears).plusYears(YEARS_AFTER_VALIDITY));
      case "REFUSED", "FAILED" -> Optional.of(meetingDay.plusYears(YEARS_AFTER_VALIDITY));
      default -> Optional.empty();
    };
  }

  /** Whether records kept until {@code keptUntil} may be erased on {@code day}. */
  public static boolean expired(LocalDate keptUntil, LocalDate day) {
    return day.isAfter(keptUntil);
  }
}
