package fr.aed.station.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.catalogue.CatalogueDocument;
import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.catalogue.SecurityFeature;
import fr.aed.station.app.domain.proofing.ExaminationTool;
import fr.aed.station.app.text.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The evidence of the document examination (TS 119 461 VAL-8.3.1, VAL-8.3.3): the document against
 * the catalogue, the features drawn and the officer's verdict on each, with the tools used.
 */
final class DocumentEvidence {

  private static final Set<String> NEEDS_A_TOOL =
      Set.of(ExaminationTool.MAGNIFIER.name(), ExaminationTool.UV_LAMP.name());

  private final JsonNode examination;
  private final DocumentCatalogue catalogue;
  private final Locale language;

  DocumentEvidence(JsonNode proofing, DocumentCatalogue catalogue, Locale language) {
    this.examination = proofing.path("examination");
    this.catalogue = catalogue;
    this.language = language;
  }

  private String version() {
    return examination.path("catalogueVersion").asText("");
  }

  private Optional<CatalogueDocument> entry() {
    return catalogue.entry(examination.path("document").asText(""));
  }

  Judged accepted() {
    return entry()
        .map(e -> Judged.met("audit.document-accepted", e.name().in(language), version()))
        .orElseGet(this::unknown);
  }

  Judged issuer() {
    return entry()
        .map(
            e ->
                Judged.met(
                    "audit.document-issuer",
                    e.issuer().in(language),
                    String.join(", ", e.issuingStates())))
        .orElseGet(this::unknown);
  }

  private Judged unknown() {
    return Judged.notMet(
        "audit.document-unknown", examination.path("document").asText("-"), version());
  }

  Judged reference() {
    String reference = entry().map(CatalogueDocument::reference).orElse("-");
    return examination.path("referenceConsulted").asBoolean(false)
        ? Judged.met("audit.reference", reference, version())
        : Judged.notMet("audit.reference.not-consulted", reference);
  }

  Judged checked() {
    List<Message> notConforming = checks("DOES_NOT_CONFORM");
    if (!notConforming.isEmpty()) {
      return Judged.notMet("audit.feature-not-conforming", notConforming);
    }
    List<Message> conforming = checks("CONFORMS");
    int examined = examination.path("checks").size();
    if (conforming.size() < DocumentCatalogue.FEATURES_TO_CHECK) {
      return Judged.notMet(
          "audit.features-too-few",
          conforming.size(),
          examined,
          DocumentCatalogue.FEATURES_TO_CHECK,
          allChecks());
    }
    return Judged.met(
        "audit.features-checked",
        conforming.size(),
        examination.path("drawn").size(),
        version(),
        allChecks());
  }

  Judged drawn() {
    List<String> drawn = new ArrayList<>();
    examination.path("drawn").forEach(id -> drawn.add(id.asText()));
    List<Message> notDrawn = new ArrayList<>();
    for (JsonNode check : examination.path("checks")) {
      if (!drawn.contains(check.path("feature").asText())) {
        notDrawn.add(Message.of("audit.quoted", featureName(check.path("feature").asText())));
      }
    }
    if (drawn.isEmpty()) {
      return Judged.notMet("audit.features-drawn.none");
    }
    if (!notDrawn.isEmpty()) {
      return Judged.notMet("audit.feature-not-drawn", notDrawn);
    }
    return Judged.met(
        "audit.features-drawn",
        drawn.stream().map(id -> (Object) Message.of("audit.quoted", featureName(id))).toList());
  }

  Judged tools() {
    return examination.path("checks").isEmpty()
        ? Judged.notMet("audit.feature-tools.none")
        : Judged.met("audit.feature-tools", allChecks());
  }

  // Only the drawn features the catalogue examines with a magnifier or a UV lamp ask for one.
  Judged magnifierOrUv() {
    List<Message> withTool = new ArrayList<>();
    List<Message> without = new ArrayList<>();
    for (JsonNode check : examination.path("checks")) {
      Optional<SecurityFeature> feature =
          entry().flatMap(e -> e.feature(check.path("feature").asText()));
      if (feature.isEmpty() || !NEEDS_A_TOOL.contains(feature.get().tool().name())) {
        continue;
      }
      boolean used = check.path("tool").asText().equals(feature.get().tool().name());
      boolean replaced = check.path("verdict").asText().equals("NOT_VERIFIABLE");
      (used || replaced ? withTool : without).add(described(check));
    }
    if (!without.isEmpty()) {
      return Judged.notMet("audit.magnifier-uv.missing", without);
    }
    return withTool.isEmpty()
        ? Judged.notApplicable("audit.magnifier-uv.none")
        : Judged.met("audit.magnifier-uv", withTool);
  }

  /**
   * Whether the examination shows the original genuine: enough features conforming and none that
   * does not.
   */
  boolean genuine() {
    return checks("DOES_NOT_CONFORM").isEmpty()
        && checks("CONFORMS").size() >= DocumentCatalogue.FEATURES_TO_CHECK;
  }

  /** The count of features found conforming. */
  int conforming() {
    return checks("CONFORMS").size();
  }

  private List<Message> checks(String verdict) {
    List<Message> found = new ArrayList<>();
    for (JsonNode check : examination.path("checks")) {
      if (check.path("verdict").asText().equals(verdict)) {
        found.add(described(check));
      }
    }
    return found;
  }

  private List<Message> allChecks() {
    List<Message> all = new ArrayList<>();
    examination.path("checks").forEach(check -> all.add(described(check)));
    return all;
  }

  private Message described(JsonNode check) {
    return Message.of(
        "audit.feature",
        featureName(check.path("feature").asText()),
        Message.of("audit.feature-verdict." + check.path("verdict").asText("NOT_VERIFIABLE")),
        Message.of("audit.tool." + check.path("tool").asText("NAKED_EYE")));
  }

  private String featureName(String id) {
    return entry().flatMap(e -> e.feature(id)).map(f -> f.name().in(language)).orElse(id);
  }
}
