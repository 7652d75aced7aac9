package fr.aed.station.app.identity;

import fr.aed.station.app.text.Message;
import java.time.LocalDate;

/**
 * The validity of the French ID card of 1988-2021, which prints no expiry date: 10 years from
 * issue; 15 years for cards issued to adults from 1 January 2014; and cards issued to adults from 2
 * January 2004 to 31 December 2013 extended by 5 years without any change to the card (décret
 * 2013-1188). A card is valid up to the day before the anniversary of its issue, like the French
 * documents that print their expiry.
 */
public final class LegacyCardValidity {

  static final LocalDate FIFTEEN_YEARS_FROM = LocalDate.of(2014, 1, 1);
  static final LocalDate EXTENDED_FROM = LocalDate.of(2004, 1, 2);
  static final LocalDate EXTENDED_TO = LocalDate.of(2013, 12, 31);
  private static final int ADULT_AGE = 18;

  private LegacyCardValidity() {}

  /** Whether the holder born that day was 18 or over on the issue day. */
  public static boolean issuedToAdult(LocalDate issueDate, LocalDate birthDate) {
    return !birthDate.plusYears(ADULT_AGE).isAfter(issueDate);
  }

  /** The number of years the card is valid. */
  public static int validityYears(LocalDate issueDate, LocalDate birthDate) {
    if (!issuedToAdult(issueDate, birthDate)) {
      return 10;
    }
    boolean fifteenYearCard = !issueDate.isBefore(FIFTEEN_YEARS_FROM);
    boolean extended = !issueDate.isBefore(EXTENDED_FROM) && !issueDate.isAfter(EXTENDED_TO);
    return fifteenYearCard || extended ? 15 : 10;
  }

  /** The last day the card is valid. */
  public static LocalDate lastValidDay(LocalDate issueDate, LocalDate birthDate) {
    return issueDate.plusYears(validityYears(issueDate, birthDate)).minusDays(1);
  }

  /** Why the card has that validity: the catalogue's code. */
  static Message rule(LocalDate issueDate, LocalDate birthDate) {
    if (!issuedToAdult(issueDate, birthDate)) {
      return Message.of("mrz.legacy.minor");
    }
    if (!issueDate.isBefore(FIFTEEN_YEARS_FROM)) {
      return Message.of("mrz.legacy.adult-since-2014");
    }
    if (!issueDate.isBefore(EXTENDED_FROM)) {
      return Message.of("mrz.legacy.adult-2004-2013");
    }
    return Message.of("mrz.legacy.before-2004");
  }
}
