package fr.aed.station.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.audit.AuditedMeeting.Event;
import fr.aed.station.app.catalogue.CatalogueException;
import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.text.Message;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Judges each requirement of the map on one meeting: a requirement the refusal named is not met,
 * with the recorded reasons; one whose evidence belongs to a stage the meeting never reached does
 * not apply; the others are judged by their evidence kind.
 */
final class Evidence {

  private final AuditedMeeting meeting;
  private final Set<String> failed;
  private final DocumentEvidence document;
  private final PersonEvidence person;
  private final RecordEvidence record;

  Evidence(AuditedMeeting meeting, DocumentCatalogue folders, Locale language) {
    this.meeting = meeting;
    DocumentCatalogue catalogue = journaled(meeting.proofing()).orElse(folders);
    this.failed = meeting.failedRequirements();
    JsonNode proofing = meeting.proofing();
    this.document = new DocumentEvidence(proofing, catalogue, language);
    String override =
        meeting.event(AuditedMeeting.CHECKS).map(e -> e.text("kbisOverride")).orElse("");
    this.person = new PersonEvidence(proofing, meetingDay(proofing), override);
    String documentName =
        catalogue
            .entry(proofing.path("examination").path("document").asText(""))
            .map(e -> e.name().in(language))
            .orElse("-");
    this.record = new RecordEvidence(meeting, documentName);
  }

  // The catalogue entry the journal keeps with the examination: what judged the meeting, not
  // what the data folder holds today (a file anyone with the folder may replace).
  private static Optional<DocumentCatalogue> journaled(JsonNode proofing) {
    JsonNode entry = proofing.path(ChecksDetail.CATALOGUE_ENTRY);
    if (!entry.isObject()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new DocumentCatalogue(
              proofing.path("examination").path("catalogueVersion").asText(),
              List.of(DocumentCatalogue.entryOf(entry))));
    } catch (CatalogueException e) {
      return Optional.empty();
    }
  }

  /** The finding for {@code requirement}. */
  Finding judge(Requirement requirement) {
    if (failed.contains(requirement.id())) {
      Event refusal = meeting.event(AuditedMeeting.REFUSED).orElseThrow();
      return new Finding(
          requirement,
          Verdict.NOT_MET,
          Message.of("audit.failed", refusal.text("reasons")),
          Optional.of(refusal.at()));
    }
    Optional<Event> source = source(requirement.evidence().stage());
    Judged judged =
        source.isPresent() || requirement.evidence().stage() == EvidenceKind.Stage.ANY
            ? judged(requirement.evidence(), source)
            : unreached(requirement.evidence().stage());
    Optional<Event> dated =
        judged.verdict() == Verdict.NOT_APPLICABLE && source.isEmpty() ? Optional.empty() : source;
    return new Finding(requirement, judged.verdict(), judged.evidence(), dated.map(Event::at));
  }

  // The entry whose record the stage reads: the proofing's, the checks', the signed sheet's, or for
  // the rest the entry that ended the meeting (else its last one).
  private Optional<Event> source(EvidenceKind.Stage stage) {
    return switch (stage) {
      case PROOFING -> meeting.proofingEvent();
      case CHECKS -> meeting.event(AuditedMeeting.CHECKS);
      case END -> meeting.event("SHEET_SIGNED");
      case ANY -> record.end().or(() -> meeting.event(AuditedMeeting.CHECKS));
    };
  }

  // The features a meeting lists are the station's draw only when the window drew them or the
  // station's journal kept their draw (station proofing draw); a file's own list is not a draw.
  private Judged drawnHere(Judged drawn) {
    Optional<Event> checks = meeting.proofingEvent();
    String by = checks.map(e -> e.text("drawnBy")).orElse("");
    if (drawn.verdict() != Verdict.MET) {
      return drawn;
    }
    return switch (by) {
      case "WINDOW" -> Judged.met("audit.features-drawn.window", drawn.evidence());
      case "STATION_DRAW" ->
          citedDrawsDiffer()
              ? Judged.notMet("audit.features-drawn.cited-differ")
              : Judged.met(
                  "audit.features-drawn.terminal",
                  drawn.evidence(),
                  checks.map(e -> e.text("drawEntries")).orElse(""));
      case "UNRECORDED" -> Judged.notMet("audit.features-drawn.unrecorded");
      default -> Judged.notMet("audit.features-drawn.unknown");
    };
  }

  // A meeting held at the terminal: its proofing is what its file says, not what a screen saw.
  private boolean atTerminal() {
    String by = meeting.proofingEvent().map(e -> e.text(ChecksDetail.DRAWN_BY)).orElse("");
    return !by.isEmpty() && !by.equals("WINDOW");
  }

  // The draws the checks entry cites must be in the station's journal and give the features the
  // meeting lists, in order: a label alone proves nothing.
  private boolean citedDrawsDiffer() {
    List<String> listed = new ArrayList<>();
    meeting.proofing().path("examination").path("drawn").forEach(id -> listed.add(id.asText()));
    return meeting.citedDraws().filter(cited -> !cited.equals(listed)).isPresent();
  }

  private Judged unreached(EvidenceKind.Stage stage) {
    if (meeting.refused()) {
      return Judged.notApplicable("audit.refused-before");
    }
    if (stage == EvidenceKind.Stage.PROOFING && meeting.event(AuditedMeeting.CHECKS).isPresent()) {
      return Judged.notMet("audit.no-proofing");
    }
    if (meeting.closed()) {
      return Judged.notMet("audit.not-recorded");
    }
    return record.notReached();
  }

  private Judged judged(EvidenceKind kind, Optional<Event> source) {
    try {
      return switch (kind) {
        case PHYSICAL_PRESENCE -> record.presence();
        case PROOFING_COMPLETE -> person.complete();
        case AUTHORITY -> person.authority();
        case COMPANY_REGISTRATION -> person.registration();
        case RECORDED_EVIDENCE -> record.recordedEvidence();
        case DOCUMENT_RECORDED -> record.documentRecorded();
        case OFFICER_NOT_SUBJECT -> record.officerNotSubject();
        case CONSENT -> atTerminal() ? person.consentAtTerminal() : person.consent();
        case FORMS_SIGNED -> record.formsSigned();
        case DOCUMENT_ACCEPTED -> document.accepted();
        case DOCUMENT_ISSUER -> document.issuer();
        case DOCUMENT_VALIDITY -> record.documentValid();
        case ORIGINAL_DOCUMENT -> originalDocument();
        case REFERENCE_MATERIAL -> document.reference();
        case FEATURES_CHECKED -> document.checked();
        case FEATURES_DRAWN -> drawnHere(document.drawn());
        case FEATURE_TOOLS -> document.tools();
        case MAGNIFIER_UV -> document.magnifierOrUv();
        case NAMES -> person.names();
        case OFFICER_TRAINING -> person.training();
        case PORTRAIT_VERDICT -> person.portraitVerdict();
        case PORTRAIT_FEATURES -> person.portraitFeatures();
        case PORTRAIT_TIME -> person.portraitTime();
        case DELEGATION -> person.delegation();
        case EXTRACT_FRESH -> person.extractFresh();
        case SHEET_KEPT -> record.sheetKept(source.orElseThrow());
        case OFFICER_IDENTIFIED -> record.officerIdentified(source.orElseThrow());
        case JOURNAL_SEALED -> record.sealed();
        case PROOFING_RESULT -> record.result();
        case COMPLETION_TIME -> record.completion();
        case JOURNAL_VERIFIED -> record.journalVerified();
        case IDENTITY_SEALED -> record.identitySealed();
        case RETENTION -> record.retention();
      };
    } catch (DateTimeParseException | NullPointerException e) {
      // The journal holds what the station wrote; a value it cannot read is evidence missing.
      return Judged.notMet("audit.unreadable");
    }
  }

  // The original's examination is in the proofing; without one, what the checks attested.
  private Judged originalDocument() {
    return meeting.proofingEvent().isPresent()
        ? record.original(document.conforming(), document.genuine())
        : Judged.notMet("audit.no-proofing");
  }

  private LocalDate meetingDay(JsonNode proofing) {
    String examined = proofing.path("examination").path("examinedAt").asText("");
    if (!examined.isEmpty()) {
      try {
        return LocalDateTime.parse(examined).toLocalDate();
      } catch (DateTimeParseException e) {
        // falls back to the entry's day below
      }
    }
    return meeting
        .proofingEvent()
        .map(e -> e.at().atZone(ZoneOffset.UTC).toLocalDate())
        .orElse(LocalDate.EPOCH);
  }
}
