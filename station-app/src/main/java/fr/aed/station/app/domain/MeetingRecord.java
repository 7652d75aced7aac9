package fr.aed.station.app.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.aed.station.app.domain.proofing.Proofing;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What the officer records at the meeting, before the token is touched.
 *
 * @param officer the officer who checks the identity
 * @param place where the meeting takes place
 * @param heldAt date and time of the meeting
 * @param identityDocument the document presented, as typed by the officer
 * @param mrz the document's machine-readable zone, typed, pasted or read by a scanner; lines
 *     separated by line feeds
 * @param originalSeen the officer saw the original document
 * @param photoMatches the photo matches the person present
 * @param kbisDate date of the company registration extract presented
 * @param kbisOverride the officer's written reason for accepting an extract the 3-month rule
 *     refuses (a sole trader's other register extract, an extract the certificate authority
 *     accepts); empty when the rule is met
 * @param formsSigned the request form and terms of use are signed by the holder
 * @param mandate the mandate presented when the holder is not the company's legal representative
 *     (who gave it, and when); empty when the holder is the legal representative
 * @param fee the fee applied
 * @param proofing the officer's identity proofing: the document examined, the portrait compared,
 *     the names read, the authority to represent, the holder's consent; {@code null} in the window
 *     until the officer has done it (a file always carries it)
 */
public record MeetingRecord(
    Officer officer,
    String place,
    LocalDateTime heldAt,
    IdentityDocument identityDocument,
    String mrz,
    boolean originalSeen,
    boolean photoMatches,
    LocalDate kbisDate,
    String kbisOverride,
    boolean formsSigned,
    String mandate,
    FeeKind fee,
    @JsonInclude(JsonInclude.Include.NON_NULL) Proofing proofing) {

  /** The company registration extract must be less than this old on the meeting day. */
  public static final int EXTRACT_MAX_AGE_MONTHS = 3;

  /**
   * Whether the officer overrode the 3-month rule of the company extract, with a reason: a reason
   * given for an extract the rule accepts overrides nothing, and is neither journaled nor printed.
   */
  public boolean kbisOverridden() {
    return !kbisOverride.isBlank() && extractTooOld();
  }

  /** Whether the extract is 3 months old or more on the meeting day. */
  public boolean extractTooOld() {
    return !kbisDate.isAfter(heldAt.toLocalDate().minusMonths(EXTRACT_MAX_AGE_MONTHS));
  }

  /** Whether the holder acts under a mandate rather than as the legal representative. */
  public boolean actsUnderMandate() {
    return !mandate.isBlank();
  }

  /** The same record with another officer. */
  public MeetingRecord withOfficer(Officer other) {
    return new MeetingRecord(
        other,
        place,
        heldAt,
        identityDocument,
        mrz,
        originalSeen,
        photoMatches,
        kbisDate,
        kbisOverride,
        formsSigned,
        mandate,
        fee,
        proofing);
  }

  /** The same record with another document, typed and read from its MRZ. */
  public MeetingRecord withIdentityDocument(IdentityDocument typed, String zone) {
    return new MeetingRecord(
        officer,
        place,
        heldAt,
        typed,
        zone,
        originalSeen,
        photoMatches,
        kbisDate,
        kbisOverride,
        formsSigned,
        mandate,
        fee,
        proofing);
  }

  /** The same record with other answers to "original seen", "photo matches", "forms signed". */
  public MeetingRecord withConfirmations(boolean original, boolean photo, boolean forms) {
    return new MeetingRecord(
        officer,
        place,
        heldAt,
        identityDocument,
        mrz,
        original,
        photo,
        kbisDate,
        kbisOverride,
        forms,
        mandate,
        fee,
        proofing);
  }

  /** The same record with another company extract date and override reason. */
  public MeetingRecord withKbis(LocalDate date, String override) {
    return new MeetingRecord(
        officer,
        place,
        heldAt,
        identityDocument,
        mrz,
        originalSeen,
        photoMatches,
        date,
        override,
        formsSigned,
        mandate,
        fee,
        proofing);
  }

  /** The same record with the officer's identity proofing. */
  public MeetingRecord withProofing(Proofing done) {
    return new MeetingRecord(
        officer,
        place,
        heldAt,
        identityDocument,
        mrz,
        originalSeen,
        photoMatches,
        kbisDate,
        kbisOverride,
        formsSigned,
        mandate,
        fee,
        done);
  }
}
