package fr.aed.station.app.gui;

import atlantafx.base.theme.Styles;
import fr.aed.station.app.domain.FeeKind;
import fr.aed.station.app.domain.IdentityDocumentType;
import fr.aed.station.app.dossier.DossierRules;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The dossier typed by hand: the order, holder and company on the left, the meeting on the right,
 * each field with its error beside it; the create action is the default button.
 */
final class DossierFormView {

  private static final double FIELD_MIN_WIDTH = 200;
  private static final double ERROR_MIN_WIDTH = 220;

  private DossierFormView() {}

  static VBox build(DossierFormViewModel model) {
    ResourceBundle texts = model.texts();
    Label title = new Label(texts.getString("title"));
    title.getStyleClass().add(Styles.TITLE_3);
    Label intro = new Label(texts.getString("intro"));
    intro.setWrapText(true);
    Map<DossierFormField, Control> controls = new EnumMap<>(DossierFormField.class);
    GridPane left =
        column(
            model,
            controls,
            DossierFormField.Section.DOSSIER,
            DossierFormField.Section.HOLDER,
            DossierFormField.Section.COMPANY);
    GridPane right =
        column(model, controls, DossierFormField.Section.OFFICER, DossierFormField.Section.MEETING);
    HBox columns = new HBox(24, left, right);
    columns.setPadding(new Insets(4));
    ScrollPane scroll = new ScrollPane(columns);
    scroll.setFitToWidth(true);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    VBox root = new VBox(8, title, intro, scroll, status(model), actions(model));
    root.setPadding(new Insets(12));
    root.getStyleClass().add("dossier-form");
    root.getStylesheets()
        .add(DossierFormView.class.getResource("dossier-form.css").toExternalForm());
    controls.values().forEach(control -> keepInView(scroll, control));
    focusOnceShown(controls.get(DossierFormField.DOSSIER_ID));
    return root;
  }

  private static GridPane column(
      DossierFormViewModel model,
      Map<DossierFormField, Control> controls,
      DossierFormField.Section... sections) {
    GridPane grid = Forms.grid();
    grid.setVgap(4);
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints fields = new ColumnConstraints(FIELD_MIN_WIDTH, 260, Double.MAX_VALUE);
    fields.setHgrow(Priority.ALWAYS);
    ColumnConstraints errors = new ColumnConstraints(ERROR_MIN_WIDTH, 280, 320);
    grid.getColumnConstraints().addAll(labels, fields, errors);
    for (DossierFormField.Section section : sections) {
      Label heading = new Label(model.texts().getString(section.titleKey()));
      heading.getStyleClass().addAll(Styles.TITLE_4, "section-title");
      grid.add(heading, 0, grid.getRowCount(), 3, 1);
      for (DossierFormField field : DossierFormField.of(section)) {
        controls.put(field, row(grid, model, field));
      }
    }
    HBox.setHgrow(grid, Priority.ALWAYS);
    return grid;
  }

  private static Control row(GridPane grid, DossierFormViewModel model, DossierFormField field) {
    Control control = control(model, field);
    control.setId(field.id());
    control.setMaxWidth(Double.MAX_VALUE);
    Label error = new Label();
    error.setId(field.id() + "-error");
    error.getStyleClass().add(Styles.DANGER);
    error.setWrapText(true);
    error.setMinHeight(Region.USE_PREF_SIZE);
    error.textProperty().bind(model.errorProperty(field));
    control.accessibleHelpProperty().bind(model.errorProperty(field));
    Label label = Forms.labelFor(model.texts().getString(field.labelKey()), control);
    label.setMnemonicParsing(false);
    label.setMinWidth(Region.USE_PREF_SIZE);
    GridPane.setValignment(error, VPos.CENTER);
    grid.addRow(grid.getRowCount(), label, control, error);
    return control;
  }

  private static Control control(DossierFormViewModel model, DossierFormField field) {
    ResourceBundle texts = model.texts();
    return switch (field) {
      case VALIDITY_YEARS ->
          choice(
              DossierRules.VALIDITY_YEARS,
              model.validityYearsProperty(),
              years ->
                  years == 1
                      ? texts.getString("validity.one")
                      : String.format(texts.getString("validity.many"), years));
      case DOCUMENT_TYPE ->
          choice(
              List.of(IdentityDocumentType.values()),
              model.documentTypeProperty(),
              type -> texts.getString("document." + type.name()));
      case FEE ->
          choice(
              List.of(FeeKind.values()),
              model.feeProperty(),
              kind -> texts.getString("fee." + kind.name()));
      default -> text(model, field);
    };
  }

  private static TextField text(DossierFormViewModel model, DossierFormField field) {
    TextField text = new TextField();
    text.textProperty().bindBidirectional(model.textProperty(field));
    String prompt = "prompt." + field.id();
    if (model.texts().containsKey(prompt)) {
      text.setPromptText(model.texts().getString(prompt));
    }
    return text;
  }

  private static <T> ComboBox<T> choice(
      List<T> items, ObjectProperty<T> value, Function<T, String> label) {
    ComboBox<T> box = new ComboBox<>();
    box.getItems().setAll(items);
    box.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(T item) {
            return item == null ? "" : label.apply(item);
          }

          @Override
          public T fromString(String text) {
            return items.stream().filter(i -> label.apply(i).equals(text)).findFirst().orElse(null);
          }
        });
    box.valueProperty().bindBidirectional(value);
    return box;
  }

  // The officer types at once, from the first field. The fields enter the scene only when the
  // scroll pane's skin is made, at a later pulse: until then a focus request would be lost.
  private static void focusOnceShown(Control first) {
    first
        .sceneProperty()
        .addListener(
            new ChangeListener<Scene>() {
              @Override
              public void changed(ObservableValue<? extends Scene> obs, Scene old, Scene now) {
                if (now != null) {
                  first.sceneProperty().removeListener(this);
                  Platform.runLater(first::requestFocus);
                }
              }
            });
  }

  // Tab may go to a field below the fold on a small screen: scroll it into view.
  private static void keepInView(ScrollPane scroll, Control control) {
    control
        .focusedProperty()
        .addListener(
            (obs, old, focused) -> {
              Node content = scroll.getContent();
              double hidden =
                  content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
              if (!focused || hidden <= 0) {
                return;
              }
              Bounds field = content.sceneToLocal(control.localToScene(control.getLayoutBounds()));
              double top = scroll.getVvalue() * hidden;
              double bottom = top + scroll.getViewportBounds().getHeight();
              if (field.getMinY() < top) {
                scroll.setVvalue(field.getMinY() / hidden);
              } else if (field.getMaxY() > bottom) {
                scroll.setVvalue(
                    (field.getMaxY() - scroll.getViewportBounds().getHeight()) / hidden);
              }
            });
  }

  private static Node status(DossierFormViewModel model) {
    Label summary = new Label();
    summary.setId("dossier-form-summary");
    summary.getStyleClass().add(Styles.DANGER);
    summary.textProperty().bind(model.summaryProperty());
    Label message = new Label();
    message.setId("dossier-form-message");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    return new HBox(16, summary, message);
  }

  private static HBox actions(DossierFormViewModel model) {
    ResourceBundle texts = model.texts();
    Button cancel = new Button(texts.getString("button.cancel"));
    cancel.setId("cancel-dossier");
    // not the cancel button: a stray Escape must not drop a dossier typed in full
    cancel.setOnAction(event -> model.cancel());
    Button save = new Button(texts.getString("button.save"));
    save.setId("save-dossier");
    save.disableProperty().bind(model.validProperty().not());
    save.setOnAction(event -> model.save());
    Button create = new Button(texts.getString("button.create"));
    create.setId("create-dossier");
    create.setDefaultButton(true);
    create.disableProperty().bind(model.validProperty().not());
    create.setOnAction(event -> model.create());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    return new HBox(8, cancel, spacer, save, create);
  }
}
