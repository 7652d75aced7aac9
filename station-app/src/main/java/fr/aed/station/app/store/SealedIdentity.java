package fr.aed.station.app.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * Splits a recorded enrollment into what may be kept in clear and what must be sealed: the identity
 * document's number and the MRZ (REG-6.2.2-18 asks for them; nothing asks for them in clear). The
 * clear part keeps both fields, emptied, so that it still reads as an enrollment.
 *
 * @param clearJson the enrollment with the number and the MRZ emptied
 * @param sealedPart the number and the MRZ, as a small JSON object to seal
 */
public record SealedIdentity(String clearJson, byte[] sealedPart) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Splits an enrollment's JSON. */
  public static SealedIdentity split(String enrollmentJson) {
    ObjectNode root = parse(enrollmentJson);
    ObjectNode meeting = (ObjectNode) root.path("meeting");
    ObjectNode document = (ObjectNode) meeting.path("identityDocument");
    ObjectNode secret = JSON.createObjectNode();
    secret.put("number", document.path("number").asText());
    secret.put("mrz", meeting.path("mrz").asText());
    document.put("number", "");
    meeting.put("mrz", "");
    return new SealedIdentity(write(root), write(secret).getBytes(StandardCharsets.UTF_8));
  }

  /** Puts the opened number and MRZ back into the clear part. */
  public static String merge(String clearJson, byte[] openedPart) {
    ObjectNode root = parse(clearJson);
    JsonNode secret = parse(new String(openedPart, StandardCharsets.UTF_8));
    ObjectNode meeting = (ObjectNode) root.path("meeting");
    ((ObjectNode) meeting.path("identityDocument")).put("number", secret.path("number").asText());
    meeting.put("mrz", secret.path("mrz").asText());
    return write(root);
  }

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalArgumentException("not a recorded enrollment", e);
    }
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
