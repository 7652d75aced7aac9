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
    Set<String> ids = new HashSet<>();
    for (CatalogueDocument document : catalogue.documents()) {
      if (!ids.add(document.id())) {
        throw new CatalogueException(
            source + ": the document " + document.id() + " is listed twice");
      }
      Set<String> features = new HashSet<>();
      document.features().forEach(feature -> features.add(feature.id()));
      if (features.size() != document.features().size()) {
        throw new CatalogueException(source + ": " + document.id() + " lists a feature twice");
      }
      if (features.size() < FEATURES_TO_CHECK) {
        throw new CatalogueException(
            source
                + ": "
                + document.id()
                + " has fewer than "
                + FEATURES_TO_CHECK
                + " security features to draw from");
      }
    }
    return catalogue;
  }
}
