package fr.aed.station.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.store.InterventionState;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.JournalVerification;
import fr.aed.station.app.store.MeetingJournal;
import fr.aed.station.app.store.RetentionPolicy;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.journal.BrokenLink;
import fr.aed.station.crypto.journal.JournalEntry;
import fr.aed.station.crypto.trust.SignerTrust;
import fr.aed.station.crypto.trust.TrustList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Audits a recorded meeting against the requirement map: the journal is verified first, up to the
 * meeting's last entry (a broken journal is reported and nothing is certified), then each
 * requirement is judged from the meeting's journal entries.
 */
public final class ProofingAudit {

  private final InterventionStore store;
  private final SignerTrust trust;
  private final RequirementMap map;
  private final DocumentCatalogue catalogue;

  /** Audits meetings of {@code store}, the seals' certificates not judged. */
  public ProofingAudit(InterventionStore store) {
    this(
        store,
        new SignerTrust(TrustList.empty()),
        RequirementMap.builtIn(),
        DocumentCatalogue.builtIn());
  }

  /**
   * Audits meetings of {@code store}, the seals' certificates not judged, the features named from
   * {@code catalogue} (the one that judged the station's meetings).
   */
  public ProofingAudit(InterventionStore store, DocumentCatalogue catalogue) {
    this(store, new SignerTrust(TrustList.empty()), RequirementMap.builtIn(), catalogue);
  }

  /**
   * Audits meetings of {@code store} against {@code map}, the seals' certificates judged with
   * {@code trust}, the features named from {@code catalogue}.
   */
  public ProofingAudit(
      InterventionStore store, SignerTrust trust, RequirementMap map, DocumentCatalogue catalogue) {
    this.store = store;
    this.trust = trust;
    this.map = map;
    this.catalogue = catalogue;
  }

  // The features the draws cited by the meeting's checks give, read from the station's journal.
  private List<String> citedDraws(Map<String, AuditedMeeting.Event> events) throws StoreException {
    String cited =
        Optional.ofNullable(events.get(AuditedMeeting.CHECKS))
            .or(() -> Optional.ofNullable(events.get(AuditedMeeting.REFUSED)))
            .map(e -> e.text(ChecksDetail.DRAW_ENTRIES))
            .orElse("");
    if (cited.isBlank()) {
      return List.of();
    }
    Map<Long, JournalEntry> station = new HashMap<>();
    new MeetingJournal(store, InterventionStore.STATION)
        .entries()
        .forEach(entry -> station.put(entry.sequence(), entry));
    List<String> features = new ArrayList<>();
    for (String sequence : cited.strip().split(" ")) {
      JournalEntry draw = station.get(parsedOrZero(sequence));
      if (draw == null || !draw.event().equals("FEATURES_DRAWN")) {
        features.add("?");
        continue;
      }
      String drawn = AuditedMeeting.parse(draw.detail()).path("drawn").asText();
      features.addAll(List.of(drawn.split(" ")));
    }
    return features;
  }

  private static long parsedOrZero(String sequence) {
    try {
      return Long.parseLong(sequence);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * The audit of {@code interventionId}, its evidence to be said in {@code language}.
   *
   * @throws AuditException if the store has no such intervention
   * @throws StoreException if the database cannot be read
   */
  public AuditReport audit(String interventionId, Locale language)
      throws AuditException, StoreException {
    InterventionState state =
        store
            .state(interventionId)
            .orElseThrow(
                () ->
                    new AuditException(
                        "no intervention " + interventionId + " here: see `station list`"));
    MeetingJournal meetingJournal = new MeetingJournal(store, interventionId);
    JournalVerification.Outcome journal = verified(meetingJournal, interventionId);
    List<JournalEntry> entries = meetingJournal.entries();
    AuditedMeeting meeting =
        new AuditedMeeting(
            interventionId,
            state.status(),
            AuditedMeeting.events(entries),
            Optional.of(journal),
            meetingJournal.lastSequence(),
            state.identityIsSealed(),
            keptUntil(state, entries),
            office(state),
            Optional.of(citedDraws(AuditedMeeting.events(entries))));
    if (!journal.intact()) {
      return new AuditReport(
          interventionId,
          state.status(),
          map.version(),
          meeting.catalogueVersion(),
          journal,
          List.of(),
          language);
    }
    return report(meeting, journal, language);
  }

  // The chain and the seals up to the meeting, then its record against its last journal entry: a
  // record edited behind the journal's back breaks the audit as a broken link does.
  private JournalVerification.Outcome verified(MeetingJournal meetingJournal, String interventionId)
      throws StoreException {
    JournalVerification.Outcome journal = meetingJournal.verify(trust);
    if (!journal.intact() || store.recordHolds(interventionId)) {
      return journal;
    }
    return new JournalVerification.Outcome(
        journal.entries(),
        Optional.of(
            new BrokenLink(
                meetingJournal.lastSequence(),
                "the record of " + interventionId + " differs from its last journal entry")),
        journal.trustChecked(),
        journal.sealingCertificates());
  }

  private AuditReport report(
      AuditedMeeting meeting, JournalVerification.Outcome journal, Locale language) {
    Evidence evidence = new Evidence(meeting, catalogue, language);
    return new AuditReport(
        meeting.id(),
        meeting.status(),
        map.version(),
        meeting.catalogueVersion(),
        journal,
        map.requirements().stream().map(evidence::judge).toList(),
        language);
  }

  private static Optional<LocalDate> keptUntil(
      InterventionState state, List<JournalEntry> entries) {
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    LocalDate first = day(entries.get(0));
    LocalDate last =
        entries.stream()
            .filter(e -> List.of("CLOSED", "REFUSED", "FAILED").contains(e.event()))
            .map(ProofingAudit::day)
            .reduce((a, b) -> b)
            .orElse(day(entries.get(entries.size() - 1)));
    return RetentionPolicy.keptUntil(state.status(), first, last, validityYears(state));
  }

  private static LocalDate day(JournalEntry entry) {
    return Instant.parse(entry.recordedAt()).atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static int validityYears(InterventionState state) {
    int years =
        AuditedMeeting.parse(state.enrollmentJson()).path("dossier").path("validityYears").asInt(0);
    return years > 0 ? years : RetentionPolicy.LONGEST_VALIDITY_YEARS;
  }

  private static String office(InterventionState state) {
    JsonNode officer = AuditedMeeting.parse(state.enrollmentJson()).path("meeting").path("officer");
    if (officer.isMissingNode()) {
      return "";
    }
    return String.join(
        ", ", officer.path("office").asText(""), officer.path("aedIdentifier").asText(""));
  }

  /** The map the audit judges against. */
  public RequirementMap map() {
    return map;
  }
}
