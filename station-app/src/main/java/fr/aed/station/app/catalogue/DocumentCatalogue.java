package fr.aed.station.app.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.aed.station.app.domain.IdentityDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The accepted identity documents and their security features, as data: the certificate authority
 * may replace the catalogue without a new station, and every examination records the version that
 * judged it.
 *
 * @param version the catalogue's version, recorded with each examination
 * @param documents the accepted document types
 */
public record DocumentCatalogue(String version, List<CatalogueDocument> documents) {

  /** The station draws at least this many features of the document to examine (VAL-8.3.3-07X). */
  public static final int FEATURES_TO_CHECK = 3;

  /** The name of the certificate authority's catalogue in the station's data directory. */
  public static final String STATION_FILE = "document-catalogue.json";

  private static final String BUILT_IN = "document-catalogue.json";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  public DocumentCatalogue {
    documents = List.copyOf(documents);
  }

  /** The catalogue shipped with the station. */
  public static DocumentCatalogue builtIn() {
    try (InputStream in = DocumentCatalogue.class.getResourceAsStream(BUILT_IN)) {
      return checked(MAPPER.readValue(in, DocumentCatalogue.class), BUILT_IN);
    } catch (IOException | CatalogueException e) {
      throw new UncheckedIOException(
          new IOException("the station's own document catalogue is unreadable: " + e, e));
    }
  }

  /**
   * The certificate authority's catalogue in {@code file}.
   *
   * @throws CatalogueException naming the file and what is wrong
   */
  public static DocumentCatalogue read(Path file) throws CatalogueException {
    try {
      return checked(MAPPER.readValue(Files.readAllBytes(file), DocumentCatalogue.class), file);
    } catch (JsonProcessingException e) {
      throw new CatalogueException(
          file + ": not a document catalogue: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new CatalogueException(file + ": cannot read the document catalogue (" + e + ")", e);
    }
  }

  /**
   * The catalogue this station judges by: the certificate authority's {@value #STATION_FILE} in
   * {@code dataDirectory} when there is one, else the catalogue shipped with the station.
   *
   * @throws CatalogueException when the authority's file is there but unreadable or breaks the
   *     catalogue's rules: the station never falls back silently on its own catalogue then
   */
  public static DocumentCatalogue forStation(Path dataDirectory) throws CatalogueException {
    Path file = dataDirectory.resolve(STATION_FILE);
    return Files.exists(file) ? read(file) : builtIn();
  }

  /** The catalogue entry covering {@code document}, if the document is of an accepted type. */
  public Optional<CatalogueDocument> entryFor(IdentityDocument document) {
    return documents.stream()
        .filter(entry -> entry.covers(document.type(), document.issuingState()))
        .findFirst();
  }

  /** The entry whose identifier is {@code id}. */
  public Optional<CatalogueDocument> entry(String id) {
    return documents.stream().filter(entry -> entry.id().equals(id)).findFirst();
  }

  // A catalogue the station cannot draw from is refused as a whole, naming what is wrong.
  private static DocumentCatalogue checked(DocumentCatalogue catalogue, Object source)
      throws CatalogueException {
    if (catalogue.version().isBlank()) {
      throw new CatalogueException(source + ": the catalogue has no version");
    }
    if (catalogue.documents().isEmpty()) {
      throw new CatalogueException(source + ": the catalogue lists no document");
    }
    Set<String> ids = new HashSet<>();
    for (CatalogueDocument document : catalogue.documents()) {
      if (!ids.add(document.id())) {
        throw new CatalogueException(
            source + ": the document " + document.id() + " is listed twice");
      }
      checkDocument(document, source);
    }
    return catalogue;
  }

  private static void checkDocument(CatalogueDocument document, Object source)
      throws CatalogueException {
    String where = source + ": " + document.id();
    if (document.id().isBlank()) {
      throw new CatalogueException(source + ": a document has a blank id");
    }
    if (document.issuingStates().isEmpty()
        || document.issuingStates().stream().anyMatch(state -> !state.matches("[A-Z]{1,3}"))) {
      throw new CatalogueException(
          where + ": its issuing states must be ICAO codes (FRA, D...), at least one");
    }
    requireText(document.name(), where + ": its name");
    requireText(document.issuer(), where + ": its issuer");
    requireText(document.validity(), where + ": its validity");
    if (document.reference().isBlank()) {
      throw new CatalogueException(where + ": its reference description is blank");
    }
    Set<String> features = new HashSet<>();
    for (SecurityFeature feature : document.features()) {
      if (feature.id().isBlank() || !features.add(feature.id())) {
        throw new CatalogueException(
            where + " lists the feature \"" + feature.id() + "\" twice or with a blank id");
      }
      requireText(feature.name(), where + ", feature " + feature.id() + ": its name");
      requireText(feature.lookFor(), where + ", feature " + feature.id() + ": what to look for");
    }
    if (features.size() < FEATURES_TO_CHECK) {
      throw new CatalogueException(
          where + " has fewer than " + FEATURES_TO_CHECK + " security features to draw from");
    }
  }

  private static void requireText(LocalText text, String what) throws CatalogueException {
    if (text.fr().isBlank() || text.en().isBlank()) {
      throw new CatalogueException(what + " must be written in French and in English");
    }
  }
}
