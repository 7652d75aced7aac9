package fr.aed.station.app.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.text.VisibleText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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

  /** The largest catalogue read: the built-in one is some 40 KiB. */
  static final int MAX_BYTES = 2 * 1024 * 1024;

  // Feature and document identifiers go into the journal's space-separated lists.
  private static final String IDENTIFIER = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

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
    return BuiltIn.CATALOGUE;
  }

  // Read once, when first asked for: every rule set, sample and sheet shares the same value.
  private static final class BuiltIn {
    static final DocumentCatalogue CATALOGUE = read();

    private static DocumentCatalogue read() {
      try (InputStream in = DocumentCatalogue.class.getResourceAsStream(BUILT_IN)) {
        return checked(MAPPER.readValue(in, DocumentCatalogue.class), BUILT_IN);
      } catch (IOException | CatalogueException e) {
        throw new UncheckedIOException(
            new IOException("the station's own document catalogue is unreadable: " + e, e));
      }
    }
  }

  /**
   * The certificate authority's catalogue in {@code file}.
   *
   * @throws CatalogueException naming the file and what is wrong
   */
  public static DocumentCatalogue read(Path file) throws CatalogueException {
    if (!Files.isRegularFile(file)) {
      throw new CatalogueException(file + ": the document catalogue is not a regular file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new CatalogueException(
            file + ": larger than " + MAX_BYTES / 1024 + " KiB, this is not a document catalogue");
      }
      return checked(MAPPER.readValue(bytes, DocumentCatalogue.class), file);
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
    // A link, even dangling, is the authority's file too: never the station's own in its place.
    return Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? read(file) : builtIn();
  }

  /**
   * One entry as a journal kept it, read back.
   *
   * @throws CatalogueException if it is not a catalogue entry
   */
  public static CatalogueDocument entryOf(JsonNode kept) throws CatalogueException {
    try {
      CatalogueDocument entry = MAPPER.treeToValue(kept, CatalogueDocument.class);
      checkDocument(entry, "the journal's entry");
      return entry;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new CatalogueException("not a document catalogue entry: " + e.getMessage(), e);
    }
  }

  /**
   * The catalogue of the data folder that holds {@code databaseFile} (see {@link #forStation}).
   *
   * @throws CatalogueException if the authority's file there is broken
   */
  public static DocumentCatalogue besideDatabase(Path databaseFile) throws CatalogueException {
    return forStation(databaseFile.toAbsolutePath().getParent());
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
    String where = source + ": " + VisibleText.of(document.id());
    if (!document.id().matches(IDENTIFIER)) {
      throw new CatalogueException(where + ": a document's id is letters, digits, . _ - only");
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
      if (!feature.id().matches(IDENTIFIER) || !features.add(feature.id())) {
        throw new CatalogueException(
            where
                + " lists the feature \""
                + VisibleText.of(feature.id())
                + "\" twice, or with an id not of letters, digits, . _ - only");
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
    if (hasControl(text.fr()) || hasControl(text.en())) {
      throw new CatalogueException(what + " holds a control or invisible character");
    }
  }

  // What the officer reads on the screen and the sheet: no terminal escape, no direction trick.
  private static boolean hasControl(String text) {
    return text.codePoints()
        .anyMatch(
            c ->
                Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
  }
}
