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

  /** The company registration extract must be less than this old on the meeting day. */
  static final int KBIS_MAX_AGE_MONTHS = MeetingRecord.EXTRACT_MAX_AGE_MONTHS;

  /** A written reason for an override is a sentence, not a tick. */
  static final int MINIMUM_REASON_LENGTH = DossierText.MINIMUM_REASON_LENGTH;

  /**
   * Lists every reason to refuse the meeting; an empty list means every check passed.
   *
   * @param enrollment the dossier and what the officer recorded
   */
  public List<String> refusals(Enrollment enrollment) {
    Dossier dossier = enrollment.dossier();
    MeetingRecord meeting = enrollment.meeting();
    LocalDate day = meeting.heldAt().toLocalDate();
    List<String> reasons = new ArrayList<>();
    if (sameName(meeting.officer().name(), dossier.holder())) {
      reasons.add("L'opérateur ne peut pas être le titulaire du certificat (REG-6.2.2-26).");
    }
    if (!meeting.originalSeen()) {
      reasons.add("L'original de la pièce d'identité n'a pas été présenté.");
    }
    if (!meeting.photoMatches()) {
      reasons.add("La photo de la pièce d'identité ne correspond pas à la personne présente.");
    }
    checkIdentityDocument(meeting, dossier.holder(), day, reasons);
    checkCompany(dossier.company(), meeting, day, reasons);
    if (!meeting.formsSigned()) {
      reasons.add("Le formulaire de demande et les conditions d'utilisation ne sont pas signés.");
    }
    DossierRules.validityYears(dossier.validityYears()).ifPresent(reasons::add);
    return reasons;
  }

  // The MRZ is checked in full (layout, check digits, validity on the day, name against the
  // dossier); the document as typed by the officer must be the one the MRZ describes.
  private static void checkIdentityDocument(
      MeetingRecord meeting, Holder holder, LocalDate day, List<String> reasons) {
    DocumentVerdict verdict = IdentityDocumentCheck.verify(meeting.mrz(), day, holder);
    verdict.failures().forEach(failure -> reasons.add("Pièce d'identité : " + failure.reason()));
    verdict
        .document()
        .filter(read -> verdict.accepted() && !read.equals(meeting.identityDocument()))
        .ifPresent(
            read ->
                reasons.add(
                    "La pièce saisie ("
                        + describe(meeting.identityDocument())
                        + ") ne correspond pas à la bande MRZ ("
                        + describe(read)
                        + ")."));
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
      Company company, MeetingRecord meeting, LocalDate day, List<String> reasons) {
    if (!CompanyIdentifiers.isValidSiren(company.siren())) {
      reasons.add("Le SIREN « " + company.siren() + " » n'est pas valide.");
    }
    if (!CompanyIdentifiers.isValidSiret(company.siret())) {
      reasons.add("Le SIRET « " + company.siret() + " » n'est pas valide.");
    } else if (!company.siret().startsWith(company.siren())) {
      reasons.add("Le SIRET n'appartient pas à l'entreprise de SIREN " + company.siren() + ".");
    }
    checkExtract(meeting, day, reasons);
  }

  // The extract must be less than 3 months old; the certificate authority may accept another one
  // (a sole trader's register extract...): the officer may override, with a written reason.
  private static void checkExtract(MeetingRecord meeting, LocalDate day, List<String> reasons) {
    LocalDate kbisDate = meeting.kbisDate();
    if (kbisDate.isAfter(day)) {
      reasons.add("L'extrait Kbis est daté après le rendez-vous.");
    } else if (meeting.extractTooOld()) {
      if (meeting.kbisOverride().strip().length() < MINIMUM_REASON_LENGTH) {
        reasons.add(
            "L'extrait Kbis du "
                + kbisDate
                + " a plus de 3 mois (une dérogation de l'opérateur demande un motif écrit).");
      }
    }
  }

  private static boolean sameName(String officerName, Holder holder) {
    String officer = NameFolding.folded(officerName);
    return officer.contains(NameFolding.folded(holder.surname()))
        && officer.contains(NameFolding.folded(holder.firstGivenName()));
  }
}
