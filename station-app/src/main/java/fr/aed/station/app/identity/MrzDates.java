package fr.aed.station.app.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Reads the MRZ's two-digit-year dates, resolved against the meeting day.
 *
 * <ul>
 *   <li>A birth date (and the legacy card's issue month) resolves to the past: the latest century
 *       that does not put it after the meeting day.
 *   <li>An expiry date resolves to the future, within 50 years: the century that puts it in the
 *       window from 50 years before to 50 years after the meeting day. A strict "always in the
 *       future" rule would read a passport expired in 2012 as expiring in 2112 and let it pass.
 * </ul>
 */
final class MrzDates {

  /** Dates as shown to the officer. */
  static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private static final int EXPIRY_WINDOW_YEARS = 50;

  private MrzDates() {}

  /** A {@code YYMMDD} birth date, or empty when not a date. */
  static Optional<LocalDate> birthDate(String yymmdd, LocalDate meetingDay) {
    if (!yymmdd.matches("\\d{6}")) {
      return Optional.empty();
    }
    int century = meetingDay.getYear() / 100 * 100;
    for (int base : new int[] {century, century - 100}) {
      Optional<LocalDate> date = date(base, yymmdd);
      if (date.isPresent() && !date.get().isAfter(meetingDay)) {
        return date;
      }
    }
    return Optional.empty();
  }

  /** A {@code YYMMDD} expiry date, or empty when not a date. */
  static Optional<LocalDate> expiryDate(String yymmdd, LocalDate meetingDay) {
    if (!yymmdd.matches("\\d{6}")) {
      return Optional.empty();
    }
    LocalDate from = meetingDay.minusYears(EXPIRY_WINDOW_YEARS);
    LocalDate to = meetingDay.plusYears(EXPIRY_WINDOW_YEARS);
    int century = meetingDay.getYear() / 100 * 100;
    for (int base : new int[] {century - 100, century, century + 100}) {
      Optional<LocalDate> date = date(base, yymmdd);
      if (date.isPresent() && !date.get().isBefore(from) && date.get().isBefore(to)) {
        return date;
      }
    }
    return Optional.empty();
  }

  /** The first day of a {@code YYMM} month, in the past of the meeting day, or empty. */
  static Optional<LocalDate> issueMonth(String yymm, LocalDate meetingDay) {
    return birthDate(yymm + "01", meetingDay);
  }

  private static Optional<LocalDate> date(int centuryBase, String yymmdd) {
    try {
      return Optional.of(
          LocalDate.of(
              centuryBase + Integer.parseInt(yymmdd.substring(0, 2)),
              Integer.parseInt(yymmdd.substring(2, 4)),
              Integer.parseInt(yymmdd.substring(4, 6))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
