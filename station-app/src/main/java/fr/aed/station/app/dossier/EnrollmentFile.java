package fr.aed.station.app.dossier;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.aed.station.app.domain.Enrollment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads and writes the enrollment file: the dossier received from the certificate authority and the
 * meeting record, as JSON (format documented in {@code docs/dossier-format.md}).
 */
public final class EnrollmentFile {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(
              new SimpleModule().addDeserializer(String.class, new CheckedTextDeserializer()))
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // A dossier says what it means: no duplicate key whose last value wins, no "3" or 3.7
          // for a number, no 1 or 9223372036854775808 for true, nothing after the object.
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  /** The largest enrollment file read: a dossier is a few kilobytes. */
  public static final int MAX_DOSSIER_BYTES = 256 * 1024;

  private EnrollmentFile() {}

  /**
   * The text of {@code file}, read up to {@code limit} bytes only (a device such as /dev/zero, or a
   * huge file, is refused without filling the memory).
   *
   * @throws DossierFileException naming the file when it is missing, unreadable, too large or not
   *     UTF-8 text
   */
  public static String readText(Path file, int limit) throws DossierFileException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(limit + 1);
    } catch (NoSuchFileException e) {
      throw new DossierFileException(file + ": no such dossier file");
    } catch (IOException e) {
      throw new DossierFileException(file + ": cannot read the dossier file (" + e + ")");
    }
    if (bytes.length > limit) {
      throw new DossierFileException(
          file + ": larger than " + limit / 1024 + " KiB, this is not a dossier file");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new DossierFileException(file + ": not UTF-8 text");
    }
  }

  /**
   * Reads an enrollment file.
   *
   * @throws DossierFileException naming the file and what is wrong: missing, unreadable, not JSON,
   *     a field missing or of the wrong type
   */
  public static Enrollment read(Path file) throws DossierFileException {
    return parse(file.toString(), readText(file, MAX_DOSSIER_BYTES));
  }

  /**
   * Parses an enrollment from JSON text.
   *
   * @param origin where the text comes from, for messages
   * @throws DossierFileException naming what is wrong
   */
  public static Enrollment parse(String origin, String json) throws DossierFileException {
    try {
      Enrollment enrollment = MAPPER.readValue(json, Enrollment.class);
      if (enrollment == null) {
        throw new DossierFileException(origin + ": holds no dossier (null)");
      }
      requireWholeCharacters(origin, json);
      return enrollment;
    } catch (JsonMappingException e) {
      throw new DossierFileException(origin + ": " + describe(e));
    } catch (JsonProcessingException e) {
      throw new DossierFileException(origin + ": not valid JSON (" + e.getOriginalMessage() + ")");
    }
  }

  /**
   * Parses an enrollment whose meeting may not carry the identity proofing yet: a dossier opened in
   * the window, where the officer does the proofing, or a meeting recorded before the station
   * recorded it. Present, it is read as strictly as {@link #parse} reads it; absent, the meeting's
   * proofing is {@code null}.
   *
   * @param origin where the text comes from, for messages
   * @throws DossierFileException naming what is wrong
   */
  public static Enrollment parseBeforeProofing(String origin, String json)
      throws DossierFileException {
    JsonNode meeting;
    ObjectNode root;
    try {
      JsonNode tree = MAPPER.readTree(json);
      if (!(tree instanceof ObjectNode object) || !(object.get("meeting") instanceof ObjectNode)) {
        return parse(origin, json);
      }
      root = object;
      meeting = object.get("meeting");
    } catch (JsonProcessingException e) {
      throw new DossierFileException(origin + ": not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (meeting.has(PROOFING)) {
      return parse(origin, json);
    }
    // Read with a stand-in the rules never see: the sample's proofing, dropped once read.
    ((ObjectNode) meeting)
        .set(
            PROOFING,
            MAPPER.valueToTree(SampleEnrollment.at(LocalDateTime.now()).meeting().proofing()));
    Enrollment read = parse(origin, root.toString());
    return new Enrollment(read.dossier(), read.meeting().withProofing(null));
  }

  /**
   * Reads an enrollment file whose meeting may not carry the identity proofing yet (see {@link
   * #parseBeforeProofing}).
   *
   * @throws DossierFileException naming the file and what is wrong
   */
  public static Enrollment readBeforeProofing(Path file) throws DossierFileException {
    return parseBeforeProofing(file.toString(), readText(file, MAX_DOSSIER_BYTES));
  }

  private static final String PROOFING = "proofing";

  // A JSON escape of a lone surrogate (D800-DFFF) is half a character: Java keeps it, but the
  // store, the sheet and the
  // request carry UTF-8, which cannot, so the dossier read again on resuming was another one (or
  // the request's subject failed to encode). Found by fuzzing (issue 14).
  private static void requireWholeCharacters(String origin, String json)
      throws DossierFileException, JsonProcessingException {
    try (JsonParser parser = MAPPER.createParser(json)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME)
            && DossierRules.hasHalfCharacter(parser.getText())) {
          String path = parser.getParsingContext().pathAsPointer().toString();
          throw new DossierFileException(
              origin
                  + ": half a character (an unpaired \\uD800-\\uDFFF escape) at '"
                  + path.substring(Math.min(1, path.length())).replace('/', '.')
                  + "'");
        }
      }
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("reading a string cannot fail", e);
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
    if (e instanceof CheckedTextDeserializer.RefusedText) {
      return "'" + path + "' " + message;
    }
    if (message.contains("Missing creator property")
        || message.contains("Missing required creator property")
        || message.startsWith("Null value for creator property")) {
      return "missing field '" + path + "'";
    }
    if (message.startsWith("Unrecognized field")) {
      return "unknown field '" + path + "'";
    }
    if (e instanceof MismatchedInputException mismatch
        && mismatch.getTargetType() != null
        && mismatch.getTargetType().isEnum()) {
      return "wrong value at '"
          + path
          + "' (one of "
          + Arrays.stream(mismatch.getTargetType().getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "))
          + ")";
    }
    return "wrong value at '" + path + "' (" + message.lines().findFirst().orElse("") + ")";
  }
}
