package fr.aed.station.app.identity;

import static fr.aed.station.app.identity.MrzFieldReader.checkDigit;

import fr.aed.station.app.domain.IdentityDocumentType;
import fr.aed.station.app.text.Message;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads ICAO 9303 TD3 (passport) and TD1 (ID card, residence permit) zones. */
final class IcaoMrzParser {

  // ICAO 9303-5 leaves the second letter to the issuer: most EU and EEA cards write ID, the Dutch
  // and Portuguese ones I<, the Italian one CI. Other codes (AC, a crew certificate) are not
  // identity cards.
  private static final Set<String> IDENTITY_CARD_CODES = Set.of("ID", "I<", "CI");

  private IcaoMrzParser() {}

  /** Reads a TD3 zone: 2 lines of 44 characters from {@code 0-9 A-Z <}. */
  static MrzReading td3(List<String> lines, LocalDate meetingDay) {
    String l1 = lines.get(0);
    String l2 = lines.get(1);
    List<DocumentCheck> checks = new ArrayList<>();
    String code = l1.substring(0, 2);
    String state = l1.substring(2, 5);
    checks.add(
        l1.charAt(0) == 'P'
            ? DocumentCheck.passed(
                DocumentCheckCode.DOCUMENT_TYPE, "mrz.type.passport", readable(state))
            : DocumentCheck.failed(DocumentCheckCode.DOCUMENT_TYPE, "mrz.type.not-passport", code));
    checks.add(
        checkDigit(
            DocumentCheckCode.DOCUMENT_NUMBER_CHECK_DIGIT,
            Message.of("mrz.field.document-number"),
            l2.substring(0, 9),
            l2.charAt(9),
            false));
    Dates dates = dates(l2.substring(13, 20), l2.substring(21, 28), meetingDay, checks);
    String sex = MrzFieldReader.sex(l2.charAt(20), true);
    checks.add(checks.size() - 2, MrzFieldReader.sexCheck(l2.charAt(20), sex));
    checks.add(
        checkDigit(
            DocumentCheckCode.OPTIONAL_DATA_CHECK_DIGIT,
            Message.of("mrz.field.optional-data"),
            l2.substring(28, 42),
            l2.charAt(42),
            true));
    String composite = l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 43);
    checks.add(compositeCheck(composite, l2.charAt(43)));
    return reading(
        IdentityDocumentType.PASSPORT,
        code,
        l2.substring(0, 9),
        state,
        l1.substring(5),
        sex,
        dates,
        checks);
  }

  /** Reads a TD1 zone: 3 lines of 30 characters from {@code 0-9 A-Z <}. */
  static MrzReading td1(List<String> lines, LocalDate meetingDay) {
    String l1 = lines.get(0);
    String l2 = lines.get(1);
    List<DocumentCheck> checks = new ArrayList<>();
    String code = l1.substring(0, 2);
    String state = l1.substring(2, 5);
    Optional<IdentityDocumentType> type = td1Type(code, state, checks);
    String number = td1Number(l1, checks);
    Dates dates = dates(l2.substring(0, 7), l2.substring(8, 15), meetingDay, checks);
    String sex = MrzFieldReader.sex(l2.charAt(7), true);
    checks.add(checks.size() - 2, MrzFieldReader.sexCheck(l2.charAt(7), sex));
    String composite = l1.substring(5) + l2.substring(0, 7) + l2.substring(8, 15);
    checks.add(compositeCheck(composite + l2.substring(18, 29), l2.charAt(29)));
    return reading(
        type.orElse(IdentityDocumentType.ID_CARD),
        code,
        number,
        state,
        lines.get(2),
        sex,
        dates,
        checks);
  }

  private static Optional<IdentityDocumentType> td1Type(
      String code, String state, List<DocumentCheck> checks) {
    if (IDENTITY_CARD_CODES.contains(code)) {
      checks.add(
          DocumentCheck.passed(
              DocumentCheckCode.DOCUMENT_TYPE, "mrz.type.id-card", readable(state)));
      return Optional.of(IdentityDocumentType.ID_CARD);
    }
    if (code.equals("IR") && state.equals("FRA")) {
      checks.add(
          DocumentCheck.passed(DocumentCheckCode.DOCUMENT_TYPE, "mrz.type.residence-permit"));
      return Optional.of(IdentityDocumentType.RESIDENCE_PERMIT);
    }
    checks.add(
        code.equals("IR")
            ? DocumentCheck.failed(
                DocumentCheckCode.DOCUMENT_TYPE, "mrz.type.foreign-residence-permit", state)
            : DocumentCheck.failed(DocumentCheckCode.DOCUMENT_TYPE, "mrz.type.not-td1", code));
    return Optional.empty();
  }

  /** ICAO 9303-5: a number longer than 9 goes on in the optional data, its digit after it. */
  private static String td1Number(String l1, List<DocumentCheck> checks) {
    Message what = Message.of("mrz.field.document-number");
    int end = l1.indexOf('<', 15);
    if (l1.charAt(14) == '<' && l1.charAt(15) != '<' && end != 16) {
      int digitAt = end < 0 ? 29 : end - 1;
      String number = l1.substring(5, 14) + l1.substring(15, digitAt);
      checks.add(
          checkDigit(
              DocumentCheckCode.DOCUMENT_NUMBER_CHECK_DIGIT,
              what,
              number,
              l1.charAt(digitAt),
              false));
      return number;
    }
    checks.add(
        checkDigit(
            DocumentCheckCode.DOCUMENT_NUMBER_CHECK_DIGIT,
            what,
            l1.substring(5, 14),
            l1.charAt(14),
            false));
    return MrzFieldReader.withoutFillers(l1.substring(5, 14));
  }

  private record Dates(LocalDate birth, LocalDate expiry) {}

  /** Birth and expiry checks; each field is the 6-digit date followed by its check digit. */
  private static Dates dates(
      String birthField, String expiryField, LocalDate meetingDay, List<DocumentCheck> checks) {
    Optional<LocalDate> birth = MrzDates.birthDate(birthField.substring(0, 6), meetingDay);
    Message ofBirth = Message.of("mrz.date.birth");
    checks.add(dateCheck(DocumentCheckCode.BIRTH_DATE, ofBirth, birthField, birth));
    checks.add(digitOf(DocumentCheckCode.BIRTH_DATE_CHECK_DIGIT, ofBirth, birthField));
    Optional<LocalDate> expiry = MrzDates.expiryDate(expiryField.substring(0, 6), meetingDay);
    Message ofExpiry = Message.of("mrz.date.expiry");
    checks.add(dateCheck(DocumentCheckCode.EXPIRY_DATE, ofExpiry, expiryField, expiry));
    checks.add(digitOf(DocumentCheckCode.EXPIRY_DATE_CHECK_DIGIT, ofExpiry, expiryField));
    return new Dates(birth.orElse(null), expiry.orElse(null));
  }

  private static DocumentCheck digitOf(DocumentCheckCode code, Message which, String field) {
    return checkDigit(
        code, Message.of("mrz.field.date", which), field.substring(0, 6), field.charAt(6), false);
  }

  static DocumentCheck dateCheck(
      DocumentCheckCode code, Message which, String field, Optional<LocalDate> date) {
    return date.map(d -> DocumentCheck.passed(code, "mrz.date.read", which, d))
        .orElseGet(
            () -> DocumentCheck.failed(code, "mrz.date.unreadable", which, field.substring(0, 6)));
  }

  static DocumentCheck compositeCheck(String data, char digit) {
    return checkDigit(
        DocumentCheckCode.COMPOSITE_CHECK_DIGIT,
        Message.of("mrz.field.composite"),
        data,
        digit,
        false);
  }

  private static MrzReading reading(
      IdentityDocumentType type,
      String code,
      String number,
      String state,
      String nameField,
      String sex,
      Dates dates,
      List<DocumentCheck> checks) {
    int separator = nameField.indexOf("<<");
    String surname = separator < 0 ? nameField : nameField.substring(0, separator);
    String given = separator < 0 ? "" : nameField.substring(separator + 2);
    MrzFields fields =
        new MrzFields(
            type,
            code.replace('<', ' ').strip(),
            MrzFieldReader.withoutFillers(number),
            MrzFieldReader.withoutFillers(state),
            MrzFieldReader.spelled(surname),
            MrzFieldReader.words(given),
            dates.birth(),
            sex,
            dates.expiry(),
            null);
    return new MrzReading(fields, checks, nameField.charAt(nameField.length() - 1) != '<');
  }

  private static String readable(String state) {
    return MrzFieldReader.withoutFillers(state);
  }
}
