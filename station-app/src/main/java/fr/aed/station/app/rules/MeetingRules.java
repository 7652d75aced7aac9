package fr.aed.station.app.rules;

import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.domain.Company;
import fr.aed.station.app.domain.CompanyIdentifiers;
import fr.aed.station.app.domain.Dossier;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.Holder;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.dossier.DossierRules;
import fr.aed.station.app.dossier.DossierText;
import fr.aed.station.app.identity.DocumentCheck;
import fr.aed.station.app.identity.DocumentCheckCode;
import fr.aed.station.app.identity.DocumentVerdict;
import fr.aed.station.app.identity.IdentityDocumentCheck;
import fr.aed.station.app.identity.NameFolding;
import fr.aed.station.app.text.Message;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rules the meeting must pass before a key is generated. Each broken rule gives a reason as a
 * message of the catalogue, shown in the officer's language and recorded in French.
 */
public final class MeetingRules {

  private final ProofingRules proofing;

  /** The rules, judging the document examination by the station's own catalogue. */
  public MeetingRules() {
    this(DocumentCatalogue.builtIn());
  }

  /** The rules, judging the document examination by {@code catalogue}. */
  public MeetingRules(DocumentCatalogue catalogue) {
    this.proofing = new ProofingRules(catalogue);
  }

  /** A written reason for an override is a sentence, not a tick. */
  static final int MINIMUM_REASON_LENGTH = DossierText.MINIMUM_REASON_LENGTH;

  /**
   * One reason to refuse: as the officer reads it, and as it is recorded, which never carries what
   * was read from or typed about the identity document (its number, the names and dates of its
   * zone): those stay in the sealed identity, the record names the field.
   *
   * @param shown the reason on the screen, values included
   * @param recorded the reason in the journal and the record
   * @param requirements the identifiers of the requirements the refused check answers (EN 319 411-1
   *     REG-*, TS 119 461 VAL-, BIN-, ISS-, INI-, COL-*), recorded with the refusal
   */
  public record Refusal(Message shown, Message recorded, List<String> requirements) {

    public Refusal {
      requirements = List.copyOf(requirements);
    }

    /** A refusal naming no requirement yet. */
    public Refusal(Message shown, Message recorded) {
      this(shown, recorded, List.of());
    }

    /** A reason that carries nothing from the identity document, shown and recorded alike. */
    public static Refusal of(Message reason) {
      return new Refusal(reason, reason);
    }

    /** The same refusal, answering the requirements {@code ids}. */
    public Refusal citing(String... ids) {
      return new Refusal(shown, recorded, List.of(ids));
    }

    /** A reason said by the catalogue's {@code key}, shown and recorded alike. */
    public static Refusal of(String key, Object... arguments) {
      return of(Message.of(key, arguments));
    }
  }

  /**
   * Lists every reason to refuse the meeting, as the officer reads them (to be put in the officer's
   * language); an empty list means every check passed.
   *
   * @param enrollment the dossier and what the officer recorded
   */
  public List<Message> refusals(Enrollment enrollment) {
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
      reasons.add(Refusal.of("rules.officer-is-holder").citing("REG-6.2.2-26"));
    }
    checkTraining(meeting.officer(), day, reasons);
    if (!meeting.originalSeen()) {
      reasons.add(Refusal.of("rules.original-not-seen").citing("VAL-8.3.1-08X"));
    }
    if (!meeting.photoMatches()) {
      reasons.add(Refusal.of("rules.photo-differs").citing("BIN-8.4.4-01X"));
    }
    checkIdentityDocument(meeting, dossier.holder(), day, reasons);
    checkCompany(dossier.company(), meeting, day, reasons);
    if (meeting.proofing() == null) {
      reasons.add(Refusal.of("rules.proofing-missing").citing("ISS-8.5.2-03"));
    } else {
      reasons.addAll(proofing.reasons(enrollment));
    }
    if (!meeting.formsSigned()) {
      reasons.add(Refusal.of("rules.forms-not-signed").citing("REG-6.3.4-10A", "REG-6.3.4-11A"));
    }
    if (DossierRules.validityYears(dossier.validityYears()).isPresent()) {
      reasons.add(Refusal.of("rules.validity-years"));
    }
    return reasons;
  }

  /**
   * Why the meeting cannot be recorded {@code now}: it is recorded as it is held, so its time is
   * the station's hour, give or take (ISS-8.5.2-05A); a meeting dated weeks ago would escape the
   * training, extract and validity rules of that day.
   */
  public List<Refusal> atRecording(MeetingRecord meeting, LocalDateTime now) {
    List<Refusal> reasons = new ArrayList<>();
    if (meeting.heldAt().isAfter(now.plus(CLOCK_TOLERANCE))) {
      reasons.add(Refusal.of("rules.held-in-future", meeting.heldAt()).citing("ISS-8.5.2-05A"));
    } else if (meeting.heldAt().isBefore(now.minus(LONGEST_BEFORE_RECORDING))) {
      reasons.add(
          Refusal.of("rules.held-long-ago", meeting.heldAt(), LONGEST_BEFORE_RECORDING.toHours())
              .citing("ISS-8.5.2-05A"));
    }
    if (meeting.proofing() != null
        && Stream.of(
                meeting.proofing().examination().examinedAt(),
                meeting.proofing().portrait().endedAt(),
                meeting.proofing().consent().acceptedAt())
            .anyMatch(at -> at.isAfter(now.plus(CLOCK_TOLERANCE)))) {
      reasons.add(Refusal.of("rules.proofing-in-future").citing("ISS-8.5.2-05A"));
    }
    return reasons;
  }

  // The station's clock and the officer's watch may differ by this much.
  private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(15);

  // A meeting is recorded while it is held: the longest a meeting runs, with some margin.
  private static final Duration LONGEST_BEFORE_RECORDING = Duration.ofHours(12);

  // The officer's training on documents, fraud and data protection is refreshed every year.
  private static void checkTraining(Officer officer, LocalDate day, List<Refusal> reasons) {
    if (OfficerTraining.of(officer, day) == OfficerTraining.EXPIRED) {
      reasons.add(
          Refusal.of("rules.training-expired", officer.trainedOn())
              .citing("VAL-8.3.3-14X", "VAL-8.3.3-15X"));
    }
  }

  // The MRZ is checked in full (layout, check digits, validity on the day, name against the
  // dossier); the document as typed by the officer must be the one the MRZ describes.
  private static void checkIdentityDocument(
      MeetingRecord meeting, Holder holder, LocalDate day, List<Refusal> reasons) {
    DocumentVerdict verdict = IdentityDocumentCheck.verify(meeting.mrz(), day, holder);
    List<DocumentCheck> failures =
        verdict.failures().stream().filter(failure -> !excused(failure, meeting)).toList();
    failures.forEach(
        failure ->
            reasons.add(
                new Refusal(
                        Message.of("rules.identity-document", failure.message()),
                        Message.of("rules.identity-document", failure.code().recorded()))
                    .citing(requirements(failure.code()))));
    verdict
        .document()
        .filter(read -> failures.isEmpty() && !read.equals(asRead(meeting.identityDocument())))
        .ifPresent(
            read ->
                reasons.add(
                    new Refusal(
                            Message.of(
                                "rules.typed-document-differs",
                                describe(meeting.identityDocument()),
                                describe(read)),
                            Message.of(
                                "rules.typed-document-differs.recorded",
                                differingFields(meeting.identityDocument(), read)))
                        .citing("VAL-8.3.3-10", "REG-6.2.2-18")));
  }

  // A surname of the zone unlike the dossier's is for the officer to judge (a usage name, a name
  // changed by marriage): with a written reason, the proofing's name rules record and accept it.
  // The given names are never excused.
  private static boolean excused(DocumentCheck failure, MeetingRecord meeting) {
    return failure.code() == DocumentCheckCode.SURNAME
        && meeting.proofing() != null
        && WrittenReason.given(meeting.proofing().names().mismatchReason());
  }

  // The requirement each check of the zone answers.
  private static String[] requirements(DocumentCheckCode code) {
    return switch (code) {
      case DOCUMENT_TYPE -> new String[] {"VAL-8.3.1-05"};
      case VALIDITY, EXPIRY_DATE, ISSUE_DATE -> new String[] {"VAL-8.3.1-07"};
      case SURNAME, GIVEN_NAMES -> new String[] {"VAL-8.3.1-03X", "VAL-8.3.1-04X"};
      case HOLDER_BIRTH_DATE, BIRTH_DATE -> new String[] {"VAL-8.3.1-04X"};
      default -> new String[] {"VAL-8.3.1-08X"};
    };
  }

  // The typed document as the zone reads it: Germany typed D<< is the zone's D.
  private static IdentityDocument asRead(IdentityDocument typed) {
    return new IdentityDocument(
        typed.type(), typed.number(), typed.issuingState().replace("<", ""), typed.expiryDate());
  }

  // Which fields of the typed document differ from the zone's, named, never their values.
  private static List<Message> differingFields(IdentityDocument typed, IdentityDocument read) {
    List<Message> fields = new ArrayList<>();
    if (typed.type() != read.type()) {
      fields.add(Message.of("rules.document-field.type"));
    }
    if (!typed.number().equals(read.number())) {
      fields.add(Message.of("rules.document-field.number"));
    }
    if (!asRead(typed).issuingState().equals(read.issuingState())) {
      fields.add(Message.of("rules.document-field.state"));
    }
    if (!typed.expiryDate().equals(read.expiryDate())) {
      fields.add(Message.of("rules.document-field.expiry"));
    }
    return fields;
  }

  private static Message describe(IdentityDocument document) {
    return Message.of(
        "rules.document",
        Message.of("document-type." + document.type().name()),
        document.number(),
        document.issuingState(),
        document.expiryDate());
  }

  private static void checkCompany(
      Company company, MeetingRecord meeting, LocalDate day, List<Refusal> reasons) {
    if (!CompanyIdentifiers.isValidSiren(company.siren())) {
      reasons.add(Refusal.of("rules.siren-invalid", company.siren()).citing("BIN-8.4.5-01"));
    }
    if (!CompanyIdentifiers.isValidSiret(company.siret())) {
      reasons.add(Refusal.of("rules.siret-invalid", company.siret()).citing("BIN-8.4.5-01"));
    } else if (!company.siret().startsWith(company.siren())) {
      reasons.add(
          Refusal.of("rules.siret-of-other-company", company.siren()).citing("BIN-8.4.5-01"));
    }
    checkExtract(meeting, day, reasons);
  }

  // The extract must be less than 3 months old; the certificate authority may accept another one
  // (a sole trader's register extract...): the officer may override, with a written reason.
  private static void checkExtract(MeetingRecord meeting, LocalDate day, List<Refusal> reasons) {
    LocalDate kbisDate = meeting.kbisDate();
    if (kbisDate.isAfter(day)) {
      reasons.add(Refusal.of("rules.kbis-after-meeting").citing("COL-8.2.1-07"));
    } else if (meeting.extractTooOld()) {
      if (meeting.kbisOverride().strip().length() < MINIMUM_REASON_LENGTH) {
        reasons.add(Refusal.of("rules.kbis-too-old", kbisDate).citing("COL-8.2.1-07"));
      }
    }
  }

  private static boolean sameName(String officerName, Holder holder) {
    String officer = NameFolding.folded(officerName);
    return officer.contains(NameFolding.folded(holder.surname()))
        && officer.contains(NameFolding.folded(holder.firstGivenName()));
  }
}
