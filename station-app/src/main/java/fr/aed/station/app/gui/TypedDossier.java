package fr.aed.station.app.gui;

import static fr.aed.station.app.gui.DossierFormField.*;

import fr.aed.station.app.domain.Company;
import fr.aed.station.app.domain.Dossier;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.FeeKind;
import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.domain.IdentityDocumentType;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.dossier.DossierRules;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the officer typed in the dossier form, read as values: dates in the French way, given names
 * separated by commas, identifiers without their spaces; and, once every field reads, the records.
 *
 * @param texts the typed fields' texts, stripped of surrounding spaces
 * @param validityYears the validity picked, or {@code null}
 * @param documentType the identity document picked, or {@code null}
 * @param fee the fee picked, or {@code null}
 */
record TypedDossier(
    Map<DossierFormField, String> texts,
    Integer validityYears,
    IdentityDocumentType documentType,
    FeeKind fee) {

  static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
  static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm").withResolverStyle(ResolverStyle.STRICT);

  TypedDossier {
    texts = Map.copyOf(texts);
  }

  /** The text of a typed field, empty when none. */
  String text(DossierFormField field) {
    return texts.getOrDefault(field, "");
  }

  /** Whether the field holds nothing yet: no text, or nothing picked. */
  boolean empty(DossierFormField field) {
    return switch (field) {
      case VALIDITY_YEARS -> validityYears == null;
      case DOCUMENT_TYPE -> documentType == null;
      case FEE -> fee == null;
      default -> text(field).isEmpty();
    };
  }

  // Given names are separated by commas, as in the civil register: "Jean-Pierre, Marie".
  List<String> givenNames() {
    return Arrays.stream(text(GIVEN_NAMES).split(","))
        .map(String::strip)
        .filter(name -> !name.isEmpty())
        .toList();
  }

  /** The field read as a day, jj/mm/aaaa. */
  Optional<LocalDate> day(DossierFormField field) {
    try {
      return Optional.of(LocalDate.parse(text(field), DAY));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The meeting's date and time, jj/mm/aaaa hh:mm. */
  Optional<LocalDateTime> heldAt() {
    try {
      return Optional.of(LocalDateTime.parse(text(HELD_AT), DAY_TIME));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The enrollment typed; the zone, the confirmations and the Kbis override stay empty for the
   * wizard.
   *
   * @throws java.util.NoSuchElementException if a date does not read
   * @throws NullPointerException if a list was not picked
   */
  Enrollment enrollment() {
    Holder holder =
        new Holder(
            text(SURNAME),
            givenNames(),
            day(BIRTH_DATE).orElseThrow(),
            text(BIRTH_PLACE),
            text(EMAIL),
            text(PHONE));
    Company company =
        new Company(
            text(COMPANY_NAME),
            text(LEGAL_FORM),
            DossierRules.compactIdentifier(text(SIREN)),
            DossierRules.compactIdentifier(text(SIRET)),
            text(HOLDER_ROLE));
    Dossier dossier =
        new Dossier(
            text(DOSSIER_ID), text(ORDER_REFERENCE), text(PRODUCT), validityYears, holder, company);
    Officer officer =
        new Officer(
            text(OFFICER_NAME),
            text(OFFICER_OFFICE),
            text(OFFICER_ADDRESS),
            text(AED_IDENTIFIER),
            day(OFFICER_TRAINED_ON).orElseThrow(),
            text(OFFICER_ACCREDITATION));
    IdentityDocument document =
        new IdentityDocument(
            documentType,
            text(DOCUMENT_NUMBER),
            text(ISSUING_STATE),
            day(DOCUMENT_EXPIRY).orElseThrow());
    MeetingRecord meeting =
        new MeetingRecord(
            officer,
            text(PLACE),
            heldAt().orElseThrow(),
            document,
            "",
            false,
            false,
            day(KBIS_DATE).orElseThrow(),
            "",
            false,
            text(MANDATE),
            Objects.requireNonNull(fee, "fee"),
            null);
    return new Enrollment(dossier, meeting);
  }
}
