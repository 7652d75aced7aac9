package fr.aed.station.app.rules;

import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.domain.proofing.AuthoritySource;
import fr.aed.station.app.domain.proofing.HolderConsent;
import fr.aed.station.app.domain.proofing.Proofing;
import fr.aed.station.app.domain.proofing.RepresentationAuthority;
import fr.aed.station.app.identity.IdentityDocumentCheck;
import fr.aed.station.app.rules.MeetingRules.Refusal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rules of the identity proofing recorded at the meeting (TS 119 461 8.3.1, 8.3.3, 8.4.4,
 * 8.4.5, 8.1): the document examination against the catalogue, the portrait comparison, the names
 * and birth date read from the document, the authority to represent the company and the holder's
 * consent. Each broken rule cites the requirements it answers.
 */
final class ProofingRules {

  /**
   * What the officer records of the proofing is dated within this long after the meeting's time. A
   * meeting lasts under an hour; four leave room for a token that fails and a second try, and a
   * meeting that goes on past midnight is still one meeting (a rule "on the meeting day" would
   * refuse it): a proofing dated later belongs to another meeting.
   */
  static final Duration LONGEST_MEETING = Duration.ofHours(4);

  private final ExaminationRules examination;

  ProofingRules(DocumentCatalogue catalogue) {
    this.examination = new ExaminationRules(catalogue);
  }

  /** Every reason the recorded proofing refuses the meeting; empty when it passes. */
  List<Refusal> reasons(Enrollment enrollment) {
    MeetingRecord meeting = enrollment.meeting();
    Proofing proofing = meeting.proofing();
    List<Refusal> reasons = new ArrayList<>();
    if (Stream.of(
            proofing.examination(),
            proofing.portrait(),
            proofing.names(),
            proofing.authority(),
            proofing.consent())
        .anyMatch(part -> part == null)) {
      // a file written by hand may leave a part out: the rest is judged once it is whole
      reasons.add(Refusal.of("rules.proofing-missing").citing("ISS-8.5.2-03"));
      return reasons;
    }
    examination.check(
        meeting.identityDocument(), proofing.examination(), meeting.heldAt(), reasons);
    PortraitRules.check(proofing.portrait(), enrollment.meeting().heldAt(), reasons);
    VisualZoneRules.check(
        proofing.names(),
        enrollment.dossier().holder(),
        IdentityDocumentCheck.names(meeting.mrz(), meeting.heldAt().toLocalDate()),
        reasons);
    checkAuthority(proofing.authority(), meeting, reasons);
    checkConsent(proofing.consent(), meeting.heldAt(), reasons);
    return reasons;
  }

  // The extract names the legal representatives; anyone else holds a delegation signed by one of
  // them, whose identity document is kept with it.
  private static void checkAuthority(
      RepresentationAuthority authority, MeetingRecord meeting, List<Refusal> reasons) {
    if (authority.source() == AuthoritySource.LEGAL_REPRESENTATIVE && meeting.actsUnderMandate()) {
      reasons.add(
          Refusal.of("proofing.representative-with-mandate")
              .citing("BIN-8.4.5-01", "COL-8.2.2.3-03"));
    }
    if (authority.source() == AuthoritySource.DELEGATION) {
      if (!meeting.actsUnderMandate()) {
        reasons.add(Refusal.of("proofing.delegation-without-mandate").citing("BIN-8.4.5-03"));
      }
      if (!authority.grantorDocumentKept()) {
        reasons.add(
            Refusal.of("proofing.delegation-without-grantor-document").citing("BIN-8.4.5-04X"));
      }
    }
    if (authority.extractReference() == null || authority.extractReference().isBlank()) {
      reasons.add(
          Refusal.of("proofing.extract-reference-missing")
              .citing("BIN-8.4.5-01", "COL-8.2.2.3-03"));
    }
  }

  private static void checkConsent(
      HolderConsent consent, LocalDateTime heldAt, List<Refusal> reasons) {
    if (!HolderConsent.CURRENT_NOTICE.equals(consent.notice())) {
      reasons.add(
          Refusal.of("proofing.consent-notice", consent.notice(), HolderConsent.CURRENT_NOTICE)
              .citing("INI-8.1-01X", "REG-6.3.4-10A"));
    }
    LocalDateTime accepted = consent.acceptedAt();
    if (accepted.isBefore(heldAt) || accepted.isAfter(heldAt.plus(LONGEST_MEETING))) {
      reasons.add(
          Refusal.of("proofing.consent-outside-meeting", LONGEST_MEETING.toHours())
              .citing("INI-8.1-03X", "REG-6.3.4-11A"));
    }
  }
}
