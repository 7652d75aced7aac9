package fr.aed.station.app.dossier;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads every text of an enrollment file through {@link DossierText}: in NFC, and refused where the
 * policy refuses it, naming the field, before anything is recorded.
 */
final class CheckedTextDeserializer extends StdScalarDeserializer<String> {

  /** A text the policy refuses; its message says why, the path says where. */
  static final class RefusedText extends JsonMappingException {
    RefusedText(JsonParser parser, String message) {
      super(parser, message);
    }
  }

  CheckedTextDeserializer() {
    super(String.class);
  }

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      return (String) context.handleUnexpectedToken(String.class, parser);
    }
    String text = DossierText.normalized(parser.getText());
    var problem = DossierText.check(path(parser), text);
    if (problem.isPresent()) {
      throw new RefusedText(parser, DossierText.describe(problem.get()));
    }
    return text;
  }

  // The field's path as DossierText knows it: the names of the objects it is in, lists skipped.
  private static String path(JsonParser parser) {
    Deque<String> names = new ArrayDeque<>();
    for (JsonStreamContext at = parser.getParsingContext(); at != null; at = at.getParent()) {
      if (at.inObject() && at.getCurrentName() != null) {
        names.addFirst(at.getCurrentName());
      }
    }
    return String.join(".", names);
  }
}
