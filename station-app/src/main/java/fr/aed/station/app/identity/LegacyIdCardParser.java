package fr.aed.station.app.identity;

import static fr.aed.station.app.identity.MrzFieldReader.checkDigit;

import fr.aed.station.app.domain.IdentityDocumentType;
import fr.aed.station.app.text.Message;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the French ID card of 1988-2021 (not ICAO). Line 1: {@code IDFRA}, surname (6-30),
 * department (31-33), office (34-36). Line 2: issue YYMM (1-4), department (5-7), sequence (8-12),
 * check digit over 1-12 (13), given names (14-27), birth date (28-33) and its check digit (34), sex
 * (35), composite check digit over line 1 and 1-35 of line 2 (36).
 */
final class LegacyIdCardParser {

  static final LocalDate FIRST_ISSUE = LocalDate.of(1988, 1, 1);
  static final LocalDate LAST_ISSUE = LocalDate.of(2021, 12, 31);

  private LegacyIdCardParser() {}

  /** Reads a zone recognised as a legacy card: 2 lines of 36 from {@code 0-9 A-Z <}. */
  static MrzReading read(List<String> lines, LocalDate meetingDay) {
    String l1 = lines.get(0);
    String l2 = lines.get(1);
    List<DocumentCheck> checks = new ArrayList<>();
    checks.add(DocumentCheck.passed(DocumentCheckCode.DOCUMENT_TYPE, "mrz.type.legacy-card"));
    String number = l2.substring(0, 12);
    checks.add(
        checkDigit(
            DocumentCheckCode.DOCUMENT_NUMBER_CHECK_DIGIT,
            Message.of("mrz.field.card-number"),
            number,
            l2.charAt(12),
            false));
    Optional<LocalDate> issue = issueMonth(l2.substring(0, 4), meetingDay, checks);
    Optional<LocalDate> birth = MrzDates.birthDate(l2.substring(27, 33), meetingDay);
    checks.add(
        IcaoMrzParser.dateCheck(
            DocumentCheckCode.BIRTH_DATE,
            Message.of("mrz.date.birth"),
            l2.substring(27, 34),
            birth));
    checks.add(
        checkDigit(
            DocumentCheckCode.BIRTH_DATE_CHECK_DIGIT,
            Message.of("mrz.field.date", Message.of("mrz.date.birth")),
            l2.substring(27, 33),
            l2.charAt(33),
            false));
    String sex = MrzFieldReader.sex(l2.charAt(34), false);
    checks.add(MrzFieldReader.sexCheck(l2.charAt(34), sex));
    checks.add(IcaoMrzParser.compositeCheck(l1 + l2.substring(0, 35), l2.charAt(35)));
    LocalDate issueDate = issue.orElse(null);
    LocalDate birthDate = birth.orElse(null);
    LocalDate lastValidDay =
        issue.isPresent() && birth.isPresent()
            ? LegacyCardValidity.lastValidDay(issueDate, birthDate)
            : null;
    MrzFields fields =
        new MrzFields(
            IdentityDocumentType.LEGACY_ID_CARD,
            "ID",
            number,
            "FRA",
            MrzFieldReader.spelled(l1.substring(5, 30)),
            MrzFieldReader.words(l2.substring(13, 27)),
            birthDate,
            sex,
            lastValidDay,
            issueDate);
    boolean truncated = l1.charAt(29) != '<' || l2.charAt(26) != '<';
    return new MrzReading(fields, checks, truncated);
  }

  private static Optional<LocalDate> issueMonth(
      String yymm, LocalDate meetingDay, List<DocumentCheck> checks) {
    Optional<LocalDate> issue = MrzDates.issueMonth(yymm, meetingDay);
    if (issue.isEmpty()) {
      checks.add(DocumentCheck.failed(DocumentCheckCode.ISSUE_DATE, "mrz.issue.unreadable", yymm));
    } else if (issue.get().isBefore(FIRST_ISSUE) || issue.get().isAfter(LAST_ISSUE)) {
      checks.add(
          DocumentCheck.failed(
              DocumentCheckCode.ISSUE_DATE,
              "mrz.issue.out-of-period",
              YearMonth.from(issue.get())));
      return Optional.empty();
    } else {
      checks.add(
          DocumentCheck.passed(
              DocumentCheckCode.ISSUE_DATE, "mrz.issue.read", YearMonth.from(issue.get())));
    }
    return issue;
  }
}
