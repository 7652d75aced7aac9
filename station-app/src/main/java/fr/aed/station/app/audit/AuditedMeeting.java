package fr.aed.station.app.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aed.station.app.store.JournalVerification;
import fr.aed.station.crypto.journal.JournalEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the audit reads of one meeting: its journal events (the last of each kind), the proofing
 * they trace, the refusal and the requirements it named, and what the record says of the sealed
 * identity and the retention.
 *
 * @param id the intervention
 * @param status OPEN, CLOSED, REFUSED or FAILED
 * @param events each journal event of the meeting, the last of its kind
 * @param journal the verification of the journal up to the meeting's last entry; empty when the
 *     audit is made before the journal is complete (the sheet's summary)
 * @param lastSequence the meeting's last journal entry
 * @param identitySealed whether the document's number and MRZ are sealed for the officer
 * @param keptUntil the last day the records are kept, once the meeting ended
 * @param office the officer's office and identifier from the record, empty once purged
 * @param citedDraws the features the station journal's draws that the checks entry cites give, in
 *     order (a cited entry that is no draw gives a feature no meeting lists); empty when not read
 */
record AuditedMeeting(
    String id,
    String status,
    Map<String, Event> events,
    Optional<JournalVerification.Outcome> journal,
    long lastSequence,
    boolean identitySealed,
    Optional<LocalDate> keptUntil,
    String office,
    Optional<List<String>> citedDraws) {

  static final String CHECKS = "CHECKS_RECORDED";
  static final String REFUSED = "REFUSED";
  static final String PURGED = "PURGED";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One journal event: its place in the journal, when, and its detail. */
  record Event(long sequence, Instant at, JsonNode detail) {

    /** The detail's value of {@code key}, empty when absent. */
    String text(String key) {
      return detail.path(key).asText("");
    }
  }

  /** The last entry of each event of {@code entries}. */
  static Map<String, Event> events(List<JournalEntry> entries) {
    Map<String, Event> events = new HashMap<>();
    for (JournalEntry entry : entries) {
      events.put(
          entry.event(),
          new Event(entry.sequence(), Instant.parse(entry.recordedAt()), parse(entry.detail())));
    }
    return events;
  }

  static JsonNode parse(String json) {
    if (json == null || json.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance();
    }
  }

  Optional<Event> event(String name) {
    return Optional.ofNullable(events.get(name));
  }

  boolean refused() {
    return status.equals("REFUSED");
  }

  boolean closed() {
    return status.equals("CLOSED");
  }

  /** The entry that traced the proofing: the checks, else the refusal. */
  Optional<Event> proofingEvent() {
    return event(CHECKS).or(() -> event(REFUSED)).filter(e -> !e.text("proofing").isEmpty());
  }

  /** The proofing as traced, missing when none was. */
  JsonNode proofing() {
    return proofingEvent().map(e -> parse(e.text("proofing"))).orElse(MissingNode.getInstance());
  }

  /** The requirements the refusal named. */
  Set<String> failedRequirements() {
    return event(REFUSED)
        .map(e -> e.text("failedRequirements"))
        .filter(ids -> !ids.isBlank())
        .map(ids -> Arrays.stream(ids.strip().split("\\s+")).collect(Collectors.toSet()))
        .orElse(Set.of());
  }

  /** The catalogue version that judged the examination, empty when none was traced. */
  String catalogueVersion() {
    return proofing().path("examination").path("catalogueVersion").asText("");
  }

  /** A checks entry made from values known before the journal has it (the sheet's summary). */
  static Event checksEvent(Instant at, Map<String, String> detail) {
    ObjectNode node = JSON.createObjectNode();
    detail.forEach(node::put);
    return new Event(0, at, node);
  }
}
