package fr.aed.station.app.gui;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The fields of the dossier form, in the order the officer fills them, each in its section; one for
 * every field of the enrollment file that the meeting wizard does not ask for itself.
 */
public enum DossierFormField {
  DOSSIER_ID(Section.DOSSIER),
  ORDER_REFERENCE(Section.DOSSIER),
  PRODUCT(Section.DOSSIER),
  VALIDITY_YEARS(Section.DOSSIER),
  SURNAME(Section.HOLDER),
  GIVEN_NAMES(Section.HOLDER),
  BIRTH_DATE(Section.HOLDER),
  BIRTH_PLACE(Section.HOLDER),
  EMAIL(Section.HOLDER),
  PHONE(Section.HOLDER),
  COMPANY_NAME(Section.COMPANY),
  LEGAL_FORM(Section.COMPANY),
  SIREN(Section.COMPANY),
  SIRET(Section.COMPANY),
  HOLDER_ROLE(Section.COMPANY),
  OFFICER_NAME(Section.OFFICER),
  OFFICER_OFFICE(Section.OFFICER),
  OFFICER_ADDRESS(Section.OFFICER),
  AED_IDENTIFIER(Section.OFFICER),
  OFFICER_TRAINED_ON(Section.OFFICER),
  OFFICER_ACCREDITATION(Section.OFFICER),
  PLACE(Section.MEETING),
  HELD_AT(Section.MEETING),
  DOCUMENT_TYPE(Section.MEETING),
  DOCUMENT_NUMBER(Section.MEETING),
  ISSUING_STATE(Section.MEETING),
  DOCUMENT_EXPIRY(Section.MEETING),
  KBIS_DATE(Section.MEETING),
  MANDATE(Section.MEETING),
  FEE(Section.MEETING);

  /** The groups of the form. */
  public enum Section {
    DOSSIER,
    HOLDER,
    COMPANY,
    OFFICER,
    MEETING;

    /** The key of the section's title in the form's bundle. */
    public String titleKey() {
      return "section." + name().toLowerCase(Locale.ROOT);
    }
  }

  private final Section section;

  DossierFormField(Section section) {
    this.section = section;
  }

  public Section section() {
    return section;
  }

  /** Whether the officer picks the value in a list rather than typing it. */
  public boolean isChoice() {
    return this == VALIDITY_YEARS || this == DOCUMENT_TYPE || this == FEE;
  }

  /** Whether the field may stay empty (the holder is the company's legal representative). */
  public boolean isOptional() {
    return this == MANDATE;
  }

  /** The control's id in the window, such as {@code dossier-id}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The key of the field's label in the form's bundle. */
  public String labelKey() {
    return "field." + id();
  }

  /** The field's path in the enrollment file, whose text policy applies to it. */
  public String filePath() {
    return switch (this) {
      case DOSSIER_ID -> "dossier.id";
      case ORDER_REFERENCE -> "dossier.orderReference";
      case PRODUCT -> "dossier.product";
      case VALIDITY_YEARS -> "dossier.validityYears";
      case SURNAME -> "dossier.holder.surname";
      case GIVEN_NAMES -> "dossier.holder.givenNames";
      case BIRTH_DATE -> "dossier.holder.birthDate";
      case BIRTH_PLACE -> "dossier.holder.birthPlace";
      case EMAIL -> "dossier.holder.email";
      case PHONE -> "dossier.holder.phone";
      case COMPANY_NAME -> "dossier.company.name";
      case LEGAL_FORM -> "dossier.company.legalForm";
      case SIREN -> "dossier.company.siren";
      case SIRET -> "dossier.company.siret";
      case HOLDER_ROLE -> "dossier.company.holderRole";
      case OFFICER_NAME -> "meeting.officer.name";
      case OFFICER_OFFICE -> "meeting.officer.office";
      case OFFICER_ADDRESS -> "meeting.officer.address";
      case AED_IDENTIFIER -> "meeting.officer.aedIdentifier";
      case OFFICER_TRAINED_ON -> "meeting.officer.trainedOn";
      case OFFICER_ACCREDITATION -> "meeting.officer.accreditation";
      case PLACE -> "meeting.place";
      case HELD_AT -> "meeting.heldAt";
      case DOCUMENT_TYPE -> "meeting.identityDocument.type";
      case DOCUMENT_NUMBER -> "meeting.identityDocument.number";
      case ISSUING_STATE -> "meeting.identityDocument.issuingState";
      case DOCUMENT_EXPIRY -> "meeting.identityDocument.expiryDate";
      case KBIS_DATE -> "meeting.kbisDate";
      case MANDATE -> "meeting.mandate";
      case FEE -> "meeting.fee";
    };
  }

  /** The fields of one section, in order. */
  public static List<DossierFormField> of(Section section) {
    return Arrays.stream(values()).filter(f -> f.section == section).toList();
  }
}
