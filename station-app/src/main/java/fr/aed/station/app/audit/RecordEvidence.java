package fr.aed.station.app.audit;

import fr.aed.station.app.audit.AuditedMeeting.Event;
import fr.aed.station.app.store.JournalVerification;
import fr.aed.station.app.text.Message;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;

/**
 * The evidence of the record itself (EN 319 411-1 REG-6.2.2, REG-6.4.5; TS 119 461 ISS-8.5.2): the
 * checks recorded before the token, the signed sheet, the journal and its seal, the sealed
 * identity, the outcome and the retention.
 */
final class RecordEvidence {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final AuditedMeeting meeting;
  private final String documentName;

  /**
   * @param meeting the meeting audited
   * @param documentName the catalogue's name of the document examined, in the reader's language
   */
  RecordEvidence(AuditedMeeting meeting, String documentName) {
    this.meeting = meeting;
    this.documentName = documentName;
  }

  private Event checks() {
    return meeting.event(AuditedMeeting.CHECKS).orElseThrow();
  }

  Judged presence() {
    Event checks = checks();
    return checks.text("originalSeen").equals("true") && checks.text("photoMatches").equals("true")
        ? Judged.met("audit.presence")
        : Judged.notMet("audit.presence.missing");
  }

  Judged recordedEvidence() {
    String reference = meeting.proofing().path("authority").path("extractReference").asText("-");
    String role = meeting.proofing().path("authority").path("role").asText("-");
    return Judged.met("audit.recorded-evidence", documentName, reference, role);
  }

  Judged documentRecorded() {
    Event checks = checks();
    Message type = Message.of("document-type." + checks.text("identityDocumentType"));
    LocalDate expiry = LocalDate.parse(checks.text("identityDocumentExpiry"));
    if (meeting.identitySealed()) {
      return Judged.met("audit.document-recorded", type, expiry);
    }
    return purgedOn()
        .map(day -> Judged.met("audit.document-recorded.purged", type, expiry, day))
        .orElseGet(() -> Judged.notMet("audit.document-recorded.unsealed", type, expiry));
  }

  Judged documentValid() {
    LocalDate expiry = LocalDate.parse(checks().text("identityDocumentExpiry"));
    LocalDate day = day(checks());
    return expiry.isBefore(day)
        ? Judged.notMet("audit.document-expired", expiry, day)
        : Judged.met("audit.document-valid", expiry, day);
  }

  Judged original(int conforming, boolean genuine) {
    return checks().text("originalSeen").equals("true") && genuine
        ? Judged.met("audit.original", conforming)
        : Judged.notMet("audit.original.missing");
  }

  Judged officerNotSubject() {
    return Judged.met("audit.officer-not-subject");
  }

  // The window records who ticked the attestation and when; a file's meeting is held to it by the
  // rules, which refuse unsigned forms before the checks are recorded.
  Judged formsSigned() {
    Event checks = checks();
    String by = checks.text("attestedBy");
    String at = checks.text("formsSignedAt");
    if (!by.isEmpty() && !at.isEmpty()) {
      return Judged.met("audit.forms-signed", by, at);
    }
    return Judged.met("audit.forms-signed.rules");
  }

  Judged sheetKept(Event signed) {
    return Judged.met("audit.sheet-kept", signed.text("sheetSha256"));
  }

  Judged officerIdentified(Event signed) {
    String office = meeting.office().isBlank() ? "-" : meeting.office();
    return Judged.met("audit.officer-identified", commonName(signed.text("signer")), office);
  }

  // The signer's name as its certificate gives it; the whole subject when it has no common name.
  private static String commonName(String subject) {
    try {
      return new LdapName(subject)
          .getRdns().stream()
              .filter(rdn -> rdn.getType().equalsIgnoreCase("CN"))
              .map(rdn -> rdn.getValue().toString())
              .findFirst()
              .orElse(subject);
    } catch (InvalidNameException e) {
      return subject;
    }
  }

  // The seal made at the close covers the meeting's record; what comes after (an export, a scan
  // joined later and sealed again) is journaled on top of it.
  Judged sealed() {
    long sealedThrough =
        meeting.journal().map(JournalVerification.Outcome::sealedThrough).orElse(0L);
    long closed = meeting.event("CLOSED").map(Event::sequence).orElse(meeting.lastSequence());
    return sealedThrough >= closed
        ? Judged.met("audit.journal-sealed", sealedThrough, closed, meeting.id())
        : Judged.notMet("audit.journal-unsealed", closed);
  }

  Judged result() {
    return switch (meeting.status()) {
      case "CLOSED" -> Judged.met("audit.result.closed");
      case "REFUSED" ->
          Judged.met(
              "audit.result.refused",
              meeting.event(AuditedMeeting.REFUSED).map(e -> e.text("reasons")).orElse("-"));
      case "FAILED" -> Judged.met("audit.result.failed");
      default -> notReached();
    };
  }

  Judged completion() {
    return end()
        .map(
            e ->
                Judged.met(
                    "audit.completion",
                    e.at().atZone(ZoneOffset.UTC).toLocalDate(),
                    CLOCK.format(e.at().atZone(ZoneOffset.UTC))))
        .orElseGet(this::notReached);
  }

  Judged journalVerified() {
    return meeting
        .journal()
        .filter(JournalVerification.Outcome::intact)
        .map(j -> Judged.met("audit.journal-verified", j.entries(), meeting.lastSequence()))
        .orElseGet(() -> Judged.notMet("audit.journal-not-verified"));
  }

  Judged identitySealed() {
    if (meeting.identitySealed()) {
      return Judged.met("audit.identity-sealed");
    }
    return purgedOn()
        .map(day -> Judged.met("audit.identity-purged", day))
        .orElseGet(() -> Judged.notMet("audit.identity-unsealed"));
  }

  Judged retention() {
    Optional<LocalDate> purged = purgedOn();
    if (purged.isPresent()) {
      return Judged.met("audit.retention.purged", purged.get());
    }
    return meeting
        .keptUntil()
        .map(until -> Judged.met("audit.retention", until, until.plusDays(1)))
        .orElseGet(this::notReached);
  }

  /** The entry that ended the meeting: closed, refused or failed. */
  Optional<Event> end() {
    return meeting
        .event("CLOSED")
        .or(() -> meeting.event(AuditedMeeting.REFUSED))
        .or(() -> meeting.event("FAILED"));
  }

  Judged notReached() {
    return Judged.notApplicable(
        "audit.not-reached", Message.of("audit.status." + meeting.status().toLowerCase()));
  }

  private Optional<LocalDate> purgedOn() {
    return meeting
        .event(AuditedMeeting.PURGED)
        .map(e -> e.at().atZone(ZoneOffset.UTC).toLocalDate());
  }

  private static LocalDate day(Event event) {
    return event.at().atZone(ZoneOffset.UTC).toLocalDate();
  }
}
