package fr.aed.station.app.enrollment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.audit.ChecksDetail;
import fr.aed.station.app.catalogue.CatalogueDocument;
import fr.aed.station.app.catalogue.CatalogueException;
import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.catalogue.FeatureDraw;
import fr.aed.station.app.catalogue.SecurityFeature;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.proofing.DocumentExamination;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.MeetingJournal;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.journal.JournalEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The random draws of the security features an officer examines, and where a meeting's features
 * came from (VAL-8.3.3-07B): drawn by the window's document step, or by {@code station proofing
 * draw}, whose draws the station's journal keeps; a file listing features this station never drew
 * says so in the journal, for the audit.
 */
public final class FeatureDraws {

  /** The station journal's event of one draw. */
  public static final String DRAWN = "FEATURES_DRAWN";

  /** The station journal's event saying which meeting a draw was used for: it serves once. */
  public static final String USED = "FEATURES_DRAW_USED";

  private static final String DRAWN_BY = ChecksDetail.DRAWN_BY;
  private static final String DRAW_ENTRIES = ChecksDetail.DRAW_ENTRIES;

  // A draw made before the meeting's appointed time, as the examination may be.
  private static final Duration EARLIEST_BEFORE_MEETING = Duration.ofHours(2);

  private FeatureDraws() {}

  /**
   * Draws {@code count} features of {@code entry} not among {@code excluded}, and journals the draw
   * in the station's journal.
   *
   * @throws StoreException if the journal cannot be written (then nothing was drawn)
   */
  public static List<SecurityFeature> drawAndRecord(
      InterventionStore store,
      DocumentCatalogue catalogue,
      CatalogueDocument entry,
      int count,
      Collection<String> excluded,
      Instant at)
      throws StoreException {
    List<SecurityFeature> drawn = new FeatureDraw().draw(entry, count, excluded);
    if (!drawn.isEmpty()) {
      store.note(
          InterventionStore.STATION,
          DRAWN,
          Map.of(
              "catalogueVersion",
              catalogue.version(),
              "document",
              entry.id(),
              "drawn",
              String.join(" ", drawn.stream().map(SecurityFeature::id).toList()),
              "excluded",
              String.join(" ", excluded)),
          at);
    }
    return drawn;
  }

  /**
   * The demonstration's sample, its document examined on features the station draws for it now and
   * journals, as an officer at the terminal has them drawn.
   *
   * @param databaseFile the station's database, in the data folder whose catalogue judges
   * @throws EnrollmentException if the catalogue is broken or the journal cannot be written
   */
  public static Enrollment demonstration(Path databaseFile, Enrollment sample)
      throws EnrollmentException {
    try (InterventionStore store = InterventionStore.open(databaseFile)) {
      DocumentCatalogue catalogue = DocumentCatalogue.besideDatabase(databaseFile);
      CatalogueDocument entry =
          catalogue
              .entryFor(sample.meeting().identityDocument())
              .orElseThrow(
                  () ->
                      new EnrollmentException(
                          "the document catalogue " + catalogue.version() + " has no sample card",
                          null,
                          null));
      List<SecurityFeature> drawn =
          drawAndRecord(
              store,
              catalogue,
              entry,
              DocumentCatalogue.FEATURES_TO_CHECK,
              List.of(),
              Instant.now());
      return SampleEnrollment.examinedOn(sample, catalogue, drawn);
    } catch (StoreException | CatalogueException e) {
      throw new EnrollmentException(e.getMessage(), null, e);
    }
  }

  /**
   * Where the meeting's features came from, as the checks entry records it: the window's draw; or
   * the station's journaled draws, the first of exactly {@link DocumentCatalogue#FEATURES_TO_CHECK}
   * features made without exclusion, then one draw for each feature that could not be checked, in
   * the order the meeting lists them, none used by another meeting (each is marked used here); or
   * none.
   */
  static Map<String, String> provenance(
      EnrollmentRequest request, String interventionId, InterventionStore store, Clock clock)
      throws StoreException {
    var proofing = request.enrollment().meeting().proofing();
    if (proofing == null) {
      return Map.of();
    }
    if (!request.attestedAt().isEmpty()) {
      return Map.of(DRAWN_BY, "WINDOW");
    }
    DocumentExamination examination = proofing.examination();
    Instant earliest =
        request
            .enrollment()
            .meeting()
            .heldAt()
            .minus(EARLIEST_BEFORE_MEETING)
            .atZone(clock.getZone())
            .toInstant();
    List<JournalEntry> station = new MeetingJournal(store, InterventionStore.STATION).entries();
    Set<Long> used = used(station, interventionId);
    List<Long> entries = new ArrayList<>();
    int next = 0;
    for (JournalEntry draw : station) {
      if (used.contains(draw.sequence()) || next >= examination.drawn().size()) {
        continue;
      }
      Optional<Draw> made = Draw.of(draw, examination, earliest);
      if (made.isPresent() && made.get().continues(examination.drawn(), next)) {
        entries.add(draw.sequence());
        next += made.get().features().size();
      }
    }
    if (entries.isEmpty() || next != examination.drawn().size()) {
      return Map.of(DRAWN_BY, "UNRECORDED");
    }
    String cited = String.join(" ", entries.stream().map(String::valueOf).toList());
    store.note(
        InterventionStore.STATION,
        USED,
        Map.of("intervention", interventionId, DRAW_ENTRIES, cited),
        clock.instant());
    return Map.of(DRAWN_BY, "STATION_DRAW", DRAW_ENTRIES, cited);
  }

  // The draws other meetings used already (this one, interrupted, may use its own again).
  private static Set<Long> used(List<JournalEntry> station, String interventionId) {
    Set<Long> used = new HashSet<>();
    for (JournalEntry entry : station) {
      if (entry.event().equals(USED)
          && !detail(entry).path("intervention").asText().equals(interventionId)) {
        for (String sequence : detail(entry).path(DRAW_ENTRIES).asText().split(" ")) {
          if (!sequence.isEmpty()) {
            used.add(Long.parseLong(sequence));
          }
        }
      }
    }
    return used;
  }

  private static JsonNode detail(JournalEntry entry) {
    try {
      return EnrollmentFile.mapper().readTree(entry.detail());
    } catch (JsonProcessingException e) {
      return EnrollmentFile.mapper().createObjectNode();
    }
  }

  /** One journaled draw of the examined document, made for this meeting. */
  private record Draw(List<String> features, boolean first) {

    static Optional<Draw> of(
        JournalEntry entry, DocumentExamination examination, Instant earliest) {
      if (!entry.event().equals(DRAWN) || Instant.parse(entry.recordedAt()).isBefore(earliest)) {
        return Optional.empty();
      }
      JsonNode detail = detail(entry);
      if (!detail.path("document").asText().equals(examination.document())
          || !detail.path("catalogueVersion").asText().equals(examination.catalogueVersion())) {
        return Optional.empty();
      }
      List<String> features = List.of(detail.path("drawn").asText().split(" "));
      return Optional.of(new Draw(features, detail.path("excluded").asText().isEmpty()));
    }

    // Whether this draw gives the meeting's next features: the first draw, of exactly three with
    // nothing excluded, opens; each later one adds what the officer asked for.
    boolean continues(List<String> drawn, int next) {
      boolean rightKind =
          next == 0 ? first && features.size() == DocumentCatalogue.FEATURES_TO_CHECK : !first;
      return rightKind
          && next + features.size() <= drawn.size()
          && drawn.subList(next, next + features.size()).equals(features);
    }
  }
}
