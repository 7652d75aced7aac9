package fr.aed.station.app.enrollment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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

  /** The checks entry's detail saying where the features came from. */
  static final String DRAWN_BY = "drawnBy";

  /** The checks entry's detail listing the journal entries of the draws used. */
  static final String DRAW_ENTRIES = "drawEntries";

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
              String.join(" ", drawn.stream().map(SecurityFeature::id).toList())),
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
      DocumentCatalogue catalogue =
          DocumentCatalogue.forStation(databaseFile.toAbsolutePath().getParent());
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

  /** Where the meeting's features came from, as the checks entry records it. */
  static Map<String, String> provenance(
      EnrollmentRequest request, InterventionStore store, Clock clock) throws StoreException {
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
    Set<String> found = new HashSet<>();
    List<String> entries = new ArrayList<>();
    for (JournalEntry draw : new MeetingJournal(store, InterventionStore.STATION).entries()) {
      List<String> features = features(draw, examination, earliest);
      if (features.stream().anyMatch(examination.drawn()::contains)) {
        found.addAll(features);
        entries.add(Long.toString(draw.sequence()));
      }
    }
    return found.containsAll(examination.drawn())
        ? Map.of(DRAWN_BY, "STATION_DRAW", DRAW_ENTRIES, String.join(" ", entries))
        : Map.of(DRAWN_BY, "UNRECORDED");
  }

  // The features of one journaled draw of the examined document, made for this meeting.
  private static List<String> features(
      JournalEntry entry, DocumentExamination examination, Instant earliest) {
    if (!entry.event().equals(DRAWN) || Instant.parse(entry.recordedAt()).isBefore(earliest)) {
      return List.of();
    }
    try {
      JsonNode detail = EnrollmentFile.mapper().readTree(entry.detail());
      boolean same =
          detail.path("document").asText().equals(examination.document())
              && detail.path("catalogueVersion").asText().equals(examination.catalogueVersion());
      return same ? List.of(detail.path("drawn").asText().split(" ")) : List.of();
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }
}
