package fr.aed.station.app.gui;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.dossier.SampleEnrollment;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Enrollments the GUI tests import. */
final class Meetings {

  private Meetings() {}

  /** The sample whose ID card expired yesterday, typed as the MRZ says. */
  static Enrollment expiredIdCard() {
    Enrollment sample = SampleEnrollment.at(LocalDateTime.now());
    MeetingRecord m = sample.meeting();
    LocalDate expiry = m.heldAt().toLocalDate().minusDays(1);
    IdentityDocument typed = m.identityDocument();
    MeetingRecord expired =
        m.withIdentityDocument(
            new IdentityDocument(typed.type(), typed.number(), typed.issuingState(), expiry),
            SampleEnrollment.mrzExpiring(expiry));
    return new Enrollment(sample.dossier(), expired);
  }

  /** The sample before the officer ticked "original présenté" and "photo conforme". */
  static Enrollment boxesUnticked() {
    Enrollment sample = SampleEnrollment.at(LocalDateTime.now());
    MeetingRecord m = sample.meeting();
    return new Enrollment(sample.dossier(), m.withConfirmations(false, false, m.formsSigned()));
  }
}
