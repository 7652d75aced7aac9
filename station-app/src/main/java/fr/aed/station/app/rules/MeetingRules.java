package fr.aed.station.app.rules;

import fr.aed.station.app.domain.Company;
import fr.aed.station.app.domain.CompanyIdentifiers;
import fr.aed.station.app.domain.Dossier;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.dossier.DossierRules;
import fr.aed.station.app.dossier.DossierText;
import fr.aed.station.app.identity.DocumentVerdict;
import fr.aed.station.app.identity.IdentityDocumentCheck;
import fr.aed.station.app.identity.NameFolding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules the meeting must pass before a key is generated. Each broken rule gives a reason in
 * French, as shown to the officer and recorded.
 */
public final class MeetingRules {

  /** A written reason for an override is a sentence, not a tick. */
  static final int MINIMUM_REASON_LENGTH = DossierText.MINIMUM_REASON_LENGTH;

  /**
   * One reason to refuse: as the officer reads it, and as it is recorded, which never carries what
   * was read from or typed about the identity document (its number, the names and dates of its
   * zone): those stay in the sealed identity, the record names the field.
   *
   * @param shown the reason on the screen, values included
   * @param recorded the reason in the journal and the record
   */
  public record Refusal(String shown, String recorded) {

    /** A reason that carries nothing from the identity document, shown and recorded alike. */
    public static Refusal of(String reason) {
      return new Refusal(reason, reason);
    }
  }

  /**
   * Lists every reason to refuse the meeting, as the officer reads them; an empty list means every
   * check passed.
   *
   * @param enrollment the dossier and what the officer recorded
   */
  public List<String> refusals(Enrollment enrollment) {
    return reasons(enrollment).stream().map(Refusal::shown).toList();
  }

  /**
   * Lists every reason to refuse the meeting, each as shown and as recorded.
   *
   * @param enrollment the dossier and what the officer recorded
   */
  public List<Refusal> reasons(Enrollment enrollment) {
    Dossier dossier = enrollment.dossier();
    MeetingRecord meeting = enrollment.meeting();
    LocalDate day = meeting.heldAt().toLocalDate();
    List<Refusal> reasons = new ArrayList<>();
    if (sameName(meeting.officer().name(), dossier.holder())) {
      reasons.add(
          Refusal.of("L'opérateur ne peut pas être le titulaire du certificat (REG-6.2.2-26)."));
    }
    if (!meeting.originalSeen()) {
      reasons.add(Refusal.of("L'original de la pièce d'identité n'a pas été présenté."));
    }
    if (!meeting.photoMatches()) {
      reasons.add(
          Refusal.of("La photo de la pièce d'identité ne correspond pas à la personne présente."));
    }
    checkIdentityDocument(meeting, dossier.holder(), day, reasons);
    checkCompany(dossier.company(), meeting, day, reasons);
    if (!meeting.formsSigned()) {
      reasons.add(
          Refusal.of(
              "Le formulaire de demande et les conditions d'utilisation ne sont pas signés."));
    }
    DossierRules.validityYears(dossier.validityYears()).map(Refusal::of).ifPresent(reasons::add);
    return reasons;
  }

  // The MRZ is checked in full (layout, check digits, validity on the day, name against the
  // dossier); the document as typed by the officer must be the one the MRZ describes.
  private static void checkIdentityDocument(
      MeetingRecord meeting, Holder holder, LocalDate day, List<Refusal> reasons) {
    DocumentVerdict verdict = IdentityDocumentCheck.verify(meeting.mrz(), day, holder);
    verdict
        .failures()
        .forEach(
            failure ->
                reasons.add(
                    new Refusal(
                        "Pièce d'identité : " + failure.reason(),
                        "Pièce d'identité : " + failure.code().recordedReason())));
    verdict
        .document()
        .filter(read -> verdict.accepted() && !read.equals(meeting.identityDocument()))
        .ifPresent(
            read ->
                reasons.add(
                    new Refusal(
                        "La pièce saisie ("
                            + describe(meeting.identityDocument())
                            + ") ne correspond pas à la bande MRZ ("
                            + describe(read)
                            + ").",
                        "La pièce saisie ne correspond pas à la bande MRZ ("
                            + differingFields(meeting.identityDocument(), read)
                            + ").")));
  }

  // Which fields of the typed document differ from the zone's, named, never their values.
  private static String differingFields(IdentityDocument typed, IdentityDocument read) {
    List<String> fields = new ArrayList<>();
    if (typed.type() != read.type()) {
      fields.add("type");
    }
    if (!typed.number().equals(read.number())) {
      fields.add("numéro");
    }
    if (!typed.issuingState().equals(read.issuingState())) {
      fields.add("État de délivrance");
    }
    if (!typed.expiryDate().equals(read.expiryDate())) {
      fields.add("date de fin de validité");
    }
    return String.join(", ", fields);
  }

  private static String describe(IdentityDocument document) {
    return document.type().label()
        + " n° "
        + document.number()
        + ", "
        + document.issuingState()
        + ", valable jusqu'au "
        + document.expiryDate();
  }

  private static void checkCompany(
      Company company, MeetingRecord meeting, LocalDate day, List<Refusal> reasons) {
    if (!CompanyIdentifiers.isValidSiren(company.siren())) {
      reasons.add(Refusal.of("Le SIREN « " + company.siren() + " » n'est pas valide."));
    }
    if (!CompanyIdentifiers.isValidSiret(company.siret())) {
      reasons.add(Refusal.of("Le SIRET « " + company.siret() + " » n'est pas valide."));
    } else if (!company.siret().startsWith(company.siren())) {
      reasons.add(
          Refusal.of("Le SIRET n'appartient pas à l'entreprise de SIREN " + company.siren() + "."));
    }
    checkExtract(meeting, day, reasons);
  }

  // The extract must be less than 3 months old; the certificate authority may accept another one
  // (a sole trader's register extract...): the officer may override, with a written reason.
  private static void checkExtract(MeetingRecord meeting, LocalDate day, List<Refusal> reasons) {
    LocalDate kbisDate = meeting.kbisDate();
    if (kbisDate.isAfter(day)) {
      reasons.add(Refusal.of("L'extrait Kbis est daté après le rendez-vous."));
    } else if (meeting.extractTooOld()) {
      if (meeting.kbisOverride().strip().length() < MINIMUM_REASON_LENGTH) {
        reasons.add(
            Refusal.of(
                "L'extrait Kbis du "
                    + kbisDate
                    + " a plus de 3 mois (une dérogation de l'opérateur demande un motif écrit)."));
      }
    }
  }

  private static boolean sameName(String officerName, Holder holder) {
    String officer = NameFolding.folded(officerName);
    return officer.contains(NameFolding.folded(holder.surname()))
        && officer.contains(NameFolding.folded(holder.firstGivenName()));
  }
}
