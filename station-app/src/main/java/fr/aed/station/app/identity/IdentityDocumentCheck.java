package fr.aed.station.app.identity;

import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.domain.IdentityDocumentType;
import fr.aed.station.app.text.Message;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks an identity document from its machine-readable zone: layout, characters, every check
 * digit, dates, validity on the meeting day and, when a holder is given, the names. Never throws on
 * bad input: every problem is a failed check with its reason.
 *
 * <p>Two-digit years: see {@link MrzDates}. The legacy card gives only its issue month; its
 * validity is computed from the first day of that month, the earliest it can end.
 */
public final class IdentityDocumentCheck {

  private IdentityDocumentCheck() {}

  /**
   * Checks a zone without comparing names.
   *
   * @param mrz the zone as typed, pasted or scanned; {@code null} reads as empty
   * @param meetingDay the day of the meeting
   */
  public static DocumentVerdict verify(String mrz, LocalDate meetingDay) {
    return verify(mrz, meetingDay, null);
  }

  /**
   * Checks a zone and compares its names with the dossier's holder.
   *
   * @param mrz the zone as typed, pasted or scanned; {@code null} reads as empty
   * @param meetingDay the day of the meeting
   * @param holder the dossier's holder, or {@code null} to skip the name checks
   */
  public static DocumentVerdict verify(String mrz, LocalDate meetingDay, Holder holder) {
    Objects.requireNonNull(meetingDay, "meetingDay");
    MrzInput input = MrzInput.read(mrz);
    List<DocumentCheck> checks = new ArrayList<>(input.checks());
    if (input.layout().isEmpty()) {
      return new DocumentVerdict(checks, null);
    }
    MrzReading reading = read(input, meetingDay);
    checks.addAll(reading.checks());
    checks.add(validity(reading.fields(), meetingDay));
    if (holder != null) {
      boolean legacy = reading.fields().type() == IdentityDocumentType.LEGACY_ID_CARD;
      checks.addAll(HolderNameComparison.compare(reading, holder, legacy));
    }
    return new DocumentVerdict(checks, reading.fields());
  }

  /**
   * The names and birth date a zone writes, when its layout and characters can be read at all
   * (whatever its check digits say: {@link #verify} reports those).
   *
   * @param mrz the zone as typed, pasted or scanned; {@code null} reads as empty
   * @param meetingDay the day of the meeting, which places two-digit years
   */
  public static Optional<ZoneNames> names(String mrz, LocalDate meetingDay) {
    MrzInput input = MrzInput.read(mrz);
    if (input.layout().isEmpty()) {
      return Optional.empty();
    }
    MrzReading reading = read(input, meetingDay);
    MrzFields fields = reading.fields();
    return Optional.of(
        new ZoneNames(
            fields.surname(),
            fields.givenNames(),
            fields.birthDate(),
            reading.namesTruncated(),
            fields.type() == IdentityDocumentType.LEGACY_ID_CARD));
  }

  private static MrzReading read(MrzInput input, LocalDate meetingDay) {
    return switch (input.layout().get()) {
      case LEGACY_FRENCH_ID -> LegacyIdCardParser.read(input.lines(), meetingDay);
      case TD3 -> IcaoMrzParser.td3(input.lines(), meetingDay);
      case TD1 -> IcaoMrzParser.td1(input.lines(), meetingDay);
    };
  }

  private static DocumentCheck validity(MrzFields fields, LocalDate meetingDay) {
    if (fields.type() == IdentityDocumentType.LEGACY_ID_CARD) {
      return legacyValidity(fields, meetingDay);
    }
    if (fields.expiryDate() == null) {
      return DocumentCheck.failed(DocumentCheckCode.VALIDITY, "mrz.validity.unreadable");
    }
    LocalDate expiry = fields.expiryDate();
    return expiry.isBefore(meetingDay)
        ? DocumentCheck.failed(
            DocumentCheckCode.VALIDITY, "mrz.validity.expired", expiry, meetingDay)
        : DocumentCheck.passed(DocumentCheckCode.VALIDITY, "mrz.validity.valid", expiry);
  }

  private static DocumentCheck legacyValidity(MrzFields fields, LocalDate meetingDay) {
    if (fields.issueDate() == null || fields.birthDate() == null) {
      return DocumentCheck.failed(DocumentCheckCode.VALIDITY, "mrz.validity.legacy-unreadable");
    }
    Message why =
        Message.of(
            "mrz.legacy.issued",
            YearMonth.from(fields.issueDate()),
            LegacyCardValidity.rule(fields.issueDate(), fields.birthDate()));
    LocalDate end = fields.expiryDate();
    return end.isBefore(meetingDay)
        ? DocumentCheck.failed(
            DocumentCheckCode.VALIDITY, "mrz.legacy.expired", why, end, meetingDay)
        : DocumentCheck.passed(DocumentCheckCode.VALIDITY, "mrz.legacy.valid", why, end);
  }
}
