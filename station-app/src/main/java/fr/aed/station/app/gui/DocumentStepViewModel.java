package fr.aed.station.app.gui;

import fr.aed.station.app.catalogue.CatalogueDocument;
import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.catalogue.FeatureDraw;
import fr.aed.station.app.catalogue.SecurityFeature;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.domain.proofing.DocumentExamination;
import fr.aed.station.app.domain.proofing.ExaminationTool;
import fr.aed.station.app.domain.proofing.FeatureCheck;
import fr.aed.station.app.domain.proofing.FeatureVerdict;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The document examination step (TS 119 461 VAL-8.3.3): the catalogue's entry for the document
 * presented, the security features the station draws at random when the step first opens (kept when
 * the officer goes back and forth), and the officer's verdict on each with the tool used. A feature
 * that cannot be checked draws another one; the examination is complete once every drawn feature
 * has its verdict.
 */
public final class DocumentStepViewModel {

  private final DocumentCatalogue catalogue;
  private final FeatureDraw draw;
  private final Clock clock;
  private final Optional<CatalogueDocument> entry;
  private final BooleanProperty referenceAtHand = new SimpleBooleanProperty();
  private final ObservableList<FeatureRow> features = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper();
  private final List<Runnable> onChange = new ArrayList<>();
  private LocalDateTime examinedAt;

  DocumentStepViewModel(
      DocumentCatalogue catalogue, FeatureDraw draw, IdentityDocument document, Clock clock) {
    this.catalogue = catalogue;
    this.draw = draw;
    this.clock = clock;
    this.entry = catalogue.entryFor(document);
    referenceAtHand.addListener((obs, old, now) -> changed());
    update();
  }

  /** Draws the features to examine the first time the step opens; later openings keep them. */
  void open() {
    if (features.isEmpty() && entry.isPresent()) {
      drawMore(DocumentCatalogue.FEATURES_TO_CHECK);
    }
  }

  private void drawMore(int count) {
    List<String> drawn = features.stream().map(row -> row.feature().id()).toList();
    draw.draw(entry.orElseThrow(), count, drawn).forEach(this::add);
    update();
  }

  private void add(SecurityFeature feature) {
    FeatureRow row = new FeatureRow(feature);
    row.verdict.addListener((obs, old, now) -> verdictGiven(row, now));
    row.tool.addListener((obs, old, now) -> changed());
    features.add(row);
  }

  // A feature that cannot be checked here is replaced by another, once.
  private void verdictGiven(FeatureRow row, FeatureVerdict verdict) {
    if (verdict == FeatureVerdict.NOT_VERIFIABLE && !row.replaced) {
      row.replaced = true;
      drawMore(1);
    }
    update();
  }

  private void update() {
    boolean done =
        entry.isEmpty()
            || !features.isEmpty() && features.stream().allMatch(row -> row.verdict() != null);
    if (done && !complete.get()) {
      examinedAt = LocalDateTime.now(clock);
    }
    complete.set(done);
    changed();
  }

  private void changed() {
    onChange.forEach(Runnable::run);
  }

  /** Runs {@code listener} at each change of what the officer recorded. */
  void onChange(Runnable listener) {
    onChange.add(listener);
  }

  /** The catalogue's entry for the document presented; empty when the type is not accepted. */
  public Optional<CatalogueDocument> entry() {
    return entry;
  }

  /** The officer has the document's reference description (PRADO) at hand. */
  public BooleanProperty referenceAtHandProperty() {
    return referenceAtHand;
  }

  /** The features drawn, in the order drawn, each with the officer's verdict. */
  public ObservableList<FeatureRow> features() {
    return features;
  }

  /**
   * Whether every drawn feature has its verdict (or the document is of no accepted type: nothing to
   * examine, the rules refuse it).
   */
  public ReadOnlyBooleanProperty completeProperty() {
    return complete.getReadOnlyProperty();
  }

  /** Whether a feature was found not conforming: the meeting is refused. */
  public boolean refusing() {
    return features.stream().anyMatch(row -> row.verdict() == FeatureVerdict.DOES_NOT_CONFORM);
  }

  /** The examination as recorded, once complete. */
  Optional<DocumentExamination> examination() {
    if (!complete.get()) {
      return Optional.empty();
    }
    return Optional.of(
        new DocumentExamination(
            catalogue.version(),
            entry.map(CatalogueDocument::id).orElse(""),
            features.stream().map(row -> row.feature().id()).toList(),
            features.stream()
                .map(row -> new FeatureCheck(row.feature().id(), row.verdict(), row.tool()))
                .toList(),
            referenceAtHand.get(),
            examinedAt));
  }

  /** One drawn feature: what to look for, and the officer's verdict and tool. */
  public static final class FeatureRow {

    private final SecurityFeature feature;
    private final ObjectProperty<FeatureVerdict> verdict = new SimpleObjectProperty<>();
    private final ObjectProperty<ExaminationTool> tool;
    private boolean replaced;

    FeatureRow(SecurityFeature feature) {
      this.feature = feature;
      this.tool = new SimpleObjectProperty<>(feature.tool());
    }

    /** The feature as the catalogue describes it. */
    public SecurityFeature feature() {
      return feature;
    }

    /** Conforms, does not conform, cannot be checked; null until the officer says. */
    public ObjectProperty<FeatureVerdict> verdictProperty() {
      return verdict;
    }

    FeatureVerdict verdict() {
      return verdict.get();
    }

    /** The tool the officer used; the catalogue's by default. */
    public ObjectProperty<ExaminationTool> toolProperty() {
      return tool;
    }

    ExaminationTool tool() {
      return tool.get();
    }
  }
}
