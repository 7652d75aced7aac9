package fr.aed.station.app.domain;

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
    FeeKind fee) {

  /** Whether the officer overrode the 3-month rule of the company extract, with a reason. */
  public boolean kbisOverridden() {
    return !kbisOverride.isBlank();
  }

  /** Whether the holder acts under a mandate rather than as the legal representative. */
  public boolean actsUnderMandate() {
    return !mandate.isBlank();
  }
}
