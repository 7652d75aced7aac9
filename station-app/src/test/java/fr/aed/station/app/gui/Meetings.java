package fr.aed.station.app.gui;

import fr.aed.station.app.domain.Dossier;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.identity.MrzSpecimen;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Enrollments the GUI tests import. */
final class Meetings {

  private Meetings() {}

  /**
   * The officer ticks, at the meeting, everything they attest, and does the identity proofing of a
   * meeting that passes (the holder accepting the notice); the same model, for chaining.
   */
  static MeetingWizardViewModel attested(MeetingWizardViewModel model) {
    model.identity().originalSeenProperty().set(true);
    model.formsSignedProperty().set(true);
    return Proofings.done(model);
  }

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

  /** The sample whose holder bears other names, in the dossier and in the ID card's MRZ. */
  static Enrollment holderNamed(String surname, String... givenNames) {
    Enrollment sample = SampleEnrollment.at(LocalDateTime.now());
    Dossier d = sample.dossier();
    Holder h = d.holder();
    Holder renamed =
        new Holder(
            surname, List.of(givenNames), h.birthDate(), h.birthPlace(), h.email(), h.phone());
    MeetingRecord m = sample.meeting();
    String mrz =
        MrzSpecimen.td1(
            "ID",
            "FRA",
            m.identityDocument().number(),
            "840317",
            'F',
            m.identityDocument().expiryDate().format(DateTimeFormatter.ofPattern("yyMMdd")),
            mrzName(surname) + "<<" + mrzName(String.join(" ", givenNames)));
    return new Enrollment(
        new Dossier(
            d.id(), d.orderReference(), d.product(), d.validityYears(), renamed, d.company()),
        m.withIdentityDocument(m.identityDocument(), mrz));
  }

  // As the MRZ writes a name: capitals without accents, "<" between words.
  private static String mrzName(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toUpperCase(Locale.ROOT)
        .replaceAll("[ '-]", "<");
  }
}
