package fr.aed.station.app.gui;

import atlantafx.base.theme.Styles;
import fr.aed.station.app.catalogue.CatalogueDocument;
import fr.aed.station.app.catalogue.SecurityFeature;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.domain.proofing.ExaminationTool;
import fr.aed.station.app.domain.proofing.FeatureVerdict;
import fr.aed.station.app.domain.proofing.Likeness;
import fr.aed.station.app.domain.proofing.MorphologicalFeature;
import fr.aed.station.app.domain.proofing.PortraitVerdict;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The proofing's pages: the document's security features examined, the portrait compared. */
final class ProofingPages {

  private ProofingPages() {}

  static Node document(DocumentStepViewModel model, IdentityDocument presented) {
    if (model.entry().isEmpty()) {
      Label refused =
          wrapped(
              Texts.get(
                  "document.not-accepted",
                  Texts.get("document." + presented.type().name()),
                  presented.issuingState()));
      refused.setId("document-not-accepted");
      refused.getStyleClass().add(Styles.DANGER);
      return new VBox(8, refused);
    }
    CatalogueDocument entry = model.entry().get();
    GridPane grid = Forms.grid();
    grid.setId("document-entry");
    Forms.row(grid, Texts.get("document.name"), Forms.value(entry.name().in(Texts.locale())));
    Forms.row(grid, Texts.get("document.issuer"), Forms.value(entry.issuer().in(Texts.locale())));
    Forms.row(
        grid, Texts.get("document.validity"), Forms.value(entry.validity().in(Texts.locale())));
    Forms.row(grid, Texts.get("document.reference"), Forms.value(entry.reference()));
    CheckBox reference = new CheckBox(Texts.get("document.reference-at-hand"));
    reference.setId("reference-at-hand");
    reference.setWrapText(true);
    reference.selectedProperty().bindBidirectional(model.referenceAtHandProperty());
    VBox features = new VBox(12);
    features.setId("drawn-features");
    Runnable fill =
        () -> {
          features.getChildren().clear();
          for (int i = 0; i < model.features().size(); i++) {
            features.getChildren().add(feature(i, model.features().get(i)));
          }
        };
    model
        .features()
        .addListener((ListChangeListener<DocumentStepViewModel.FeatureRow>) c -> fill.run());
    fill.run();
    Label refusing = wrapped(Texts.get("document.refusing"));
    refusing.setId("document-refusing");
    refusing.getStyleClass().add(Styles.DANGER);
    Runnable showRefusing =
        () -> {
          refusing.setVisible(model.refusing());
          refusing.setManaged(refusing.isVisible());
        };
    model.onChange(showRefusing);
    showRefusing.run();
    return new VBox(10, grid, reference, wrapped(Texts.get("document.drawn")), features, refusing);
  }

  private static Node feature(int index, DocumentStepViewModel.FeatureRow row) {
    SecurityFeature feature = row.feature();
    Label name = wrapped(feature.name().in(Texts.locale()));
    name.getStyleClass().add(Styles.TEXT_BOLD);
    Label lookFor = wrapped(Texts.get("document.look-for", feature.lookFor().in(Texts.locale())));
    String id = "feature-" + index;
    HBox verdicts = choices(id, FeatureVerdict.values(), row.verdictProperty(), "verdict.");
    // Another feature was drawn in its place: the verdict stands, as the draw does.
    verdicts.disableProperty().bind(row.verdictProperty().isEqualTo(FeatureVerdict.NOT_VERIFIABLE));
    ComboBox<ExaminationTool> tool = new ComboBox<>();
    tool.setId(id + "-tool");
    tool.getItems().setAll(ExaminationTool.values());
    tool.setConverter(named("tool."));
    tool.valueProperty().bindBidirectional(row.toolProperty());
    HBox toolLine = new HBox(8, new Label(Texts.get("document.tool")), tool);
    toolLine.setAlignment(Pos.BASELINE_LEFT);
    VBox box = new VBox(4, name, lookFor, verdicts, toolLine);
    box.setId(id);
    box.setPadding(new Insets(0, 0, 0, 12));
    return box;
  }

  static Node portrait(PortraitStepViewModel model) {
    GridPane grid = Forms.grid();
    grid.setId("portrait-features");
    for (MorphologicalFeature feature : MorphologicalFeature.values()) {
      Forms.row(
          grid,
          Texts.get("portrait.feature." + feature.name()),
          choices(
              "portrait-" + feature.name(),
              Likeness.values(),
              model.likenessProperty(feature),
              "likeness."));
    }
    HBox verdict =
        choices("portrait-verdict", PortraitVerdict.values(), model.verdictProperty(), "portrait.");
    TextField reason = new TextField();
    reason.setId("portrait-reason");
    reason.setPromptText(Texts.get("portrait.reason.prompt"));
    reason.textProperty().bindBidirectional(model.differenceReasonProperty());
    Label reasonLabel = Forms.labelFor(Texts.get("portrait.reason"), reason);
    VBox reasonBox = new VBox(4, reasonLabel, reason);
    reasonBox.setId("portrait-reason-box");
    reasonBox.visibleProperty().bind(model.reasonAskedProperty());
    reasonBox.managedProperty().bind(reasonBox.visibleProperty());
    Label time = new Label();
    time.setId("portrait-time");
    time.textProperty().bind(model.timeSpentProperty());
    time.visibleProperty().bind(Bindings.isNotEmpty(model.timeSpentProperty()));
    return new VBox(
        10,
        wrapped(Texts.get("portrait.help")),
        grid,
        new Label(Texts.get("portrait.verdict")),
        verdict,
        reasonBox,
        time);
  }

  // One radio button a value, bound both ways to the property; none chosen until the officer says.
  private static <E extends Enum<E>> HBox choices(
      String id, E[] values, ObjectProperty<E> chosen, String textKey) {
    ToggleGroup group = new ToggleGroup();
    HBox line = new HBox(16);
    for (E value : values) {
      RadioButton choice = new RadioButton(Texts.get(textKey + value.name()));
      choice.setId(id + "-" + value.name());
      choice.setUserData(value);
      choice.setToggleGroup(group);
      choice.setSelected(value == chosen.get());
      choice.setMinWidth(Region.USE_PREF_SIZE);
      line.getChildren().add(choice);
    }
    group
        .selectedToggleProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null) {
                @SuppressWarnings("unchecked")
                E value = (E) now.getUserData();
                chosen.set(value);
              }
            });
    chosen.addListener(
        (obs, old, now) ->
            group.getToggles().stream()
                .filter(toggle -> toggle.getUserData() == now)
                .findFirst()
                .ifPresentOrElse(
                    toggle -> toggle.setSelected(true), () -> group.selectToggle(null)));
    return line;
  }

  private static <E extends Enum<E>> StringConverter<E> named(String textKey) {
    return new StringConverter<>() {
      @Override
      public String toString(E value) {
        return value == null ? "" : Texts.get(textKey + value.name());
      }

      @Override
      public E fromString(String text) {
        throw new UnsupportedOperationException("chosen from the list only");
      }
    };
  }

  private static Label wrapped(String text) {
    Label label = new Label(text);
    label.setWrapText(true);
    label.setMinHeight(Region.USE_PREF_SIZE);
    return label;
  }
}
