package fr.aed.station.app.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.aed.station.app.domain.Enrollment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads and writes the enrollment file: the dossier received from the certificate authority and the
 * meeting record, as JSON (format documented in {@code docs/dossier-format.md}).
 */
public final class EnrollmentFile {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private EnrollmentFile() {}

  /**
   * Reads an enrollment file.
   *
   * @throws DossierFileException naming the file and what is wrong: missing, unreadable, not JSON,
   *     a field missing or of the wrong type
   */
  public static Enrollment read(Path file) throws DossierFileException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new DossierFileException(file + ": no such dossier file");
    } catch (IOException e) {
      throw new DossierFileException(file + ": cannot read the dossier file (" + e + ")");
    }
    return parse(file.toString(), text);
  }

  /**
   * Parses an enrollment from JSON text.
   *
   * @param origin where the text comes from, for messages
   * @throws DossierFileException naming what is wrong
   */
  public static Enrollment parse(String origin, String json) throws DossierFileException {
    try {
      return MAPPER.readValue(json, Enrollment.class);
    } catch (JsonMappingException e) {
      throw new DossierFileException(origin + ": " + describe(e));
    } catch (JsonProcessingException e) {
      throw new DossierFileException(origin + ": not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }

  /** The enrollment as JSON text, in the format {@link #parse} reads. */
  public static String toJson(Enrollment enrollment) {
    try {
      return MAPPER.writeValueAsString(enrollment);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("records always serialise", e);
    }
  }

  /** The shared JSON mapper, for canonical output of records. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static String describe(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    String message = e.getOriginalMessage();
    if (message.contains("Missing creator property")
        || message.contains("Missing required creator property")
        || message.startsWith("Null value for creator property")) {
      return "missing field '" + path + "'";
    }
    if (message.startsWith("Unrecognized field")) {
      return "unknown field '" + path + "'";
    }
    return "wrong value at '" + path + "' (" + message.lines().findFirst().orElse("") + ")";
  }
}
