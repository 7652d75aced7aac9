package fr.aed.station.app.audit;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The requirements a meeting is audited against, as data: each with its standard, its clause, what
 * it asks and the kind of evidence that judges it. The map has a version, said with every audit.
 *
 * @param version the map's version
 * @param requirements the requirements, in the order the audit reports them
 */
public record RequirementMap(String version, List<Requirement> requirements) {

  private static final String BUILT_IN = "requirement-map.json";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  public RequirementMap {
    requirements = List.copyOf(requirements);
  }

  /** The map shipped with the station. */
  public static RequirementMap builtIn() {
    try (InputStream in = RequirementMap.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IOException(BUILT_IN + " is missing");
      }
      return checked(MAPPER.readValue(in, RequirementMap.class));
    } catch (IOException e) {
      throw new UncheckedIOException(
          new IOException("the station's own requirement map is unreadable: " + e, e));
    }
  }

  /** How many requirements the map has. */
  public int size() {
    return requirements.size();
  }

  // A map naming a requirement twice would report it twice: refused as a whole.
  private static RequirementMap checked(RequirementMap map) throws IOException {
    if (map.version().isBlank()) {
      throw new IOException("the requirement map has no version");
    }
    Set<String> ids = new HashSet<>();
    for (Requirement requirement : map.requirements()) {
      if (!ids.add(requirement.id())) {
        throw new IOException("the requirement " + requirement.id() + " is listed twice");
      }
    }
    return map;
  }
}
