package fr.aed.station.app.gui;

import atlantafx.base.theme.Styles;
import fr.aed.station.app.domain.FeeKind;
import fr.aed.station.app.domain.IdentityDocumentType;
import fr.aed.station.app.dossier.DossierRules;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
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

  private static final double ERROR_WIDTH = 230;

  private DossierFormView() {}

  static VBox build(DossierFormViewModel model) {
    ResourceBundle texts = model.texts();
    Label title = new Label(texts.getString("title"));
    title.getStyleClass().add(Styles.TITLE_3);
    Label intro = new Label(texts.getString("intro"));
    intro.setWrapText(true);
    GridPane left =
        column(
            model,
            DossierFormField.Section.DOSSIER,
            DossierFormField.Section.HOLDER,
            DossierFormField.Section.COMPANY);
    GridPane right = column(model, DossierFormField.Section.MEETING);
    HBox columns = new HBox(24, left, right);
    columns.setPadding(new Insets(4));
    ScrollPane scroll = new ScrollPane(columns);
    scroll.setFitToWidth(true);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    VBox root = new VBox(8, title, intro, scroll, status(model), actions(model));
    root.setPadding(new Insets(12));
    // the officer types at once, from the first field
    Platform.runLater(() -> root.lookup("#" + DossierFormField.DOSSIER_ID.id()).requestFocus());
    return root;
  }

  private static GridPane column(DossierFormViewModel model, DossierFormField.Section... sections) {
    GridPane grid = Forms.grid();
    ColumnConstraints error = new ColumnConstraints(ERROR_WIDTH);
    grid.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(), error);
    for (DossierFormField.Section section : sections) {
      Label heading = new Label(model.texts().getString(section.titleKey()));
      heading.getStyleClass().add(Styles.TITLE_4);
      grid.add(heading, 0, grid.getRowCount(), 3, 1);
      for (DossierFormField field : DossierFormField.of(section)) {
        row(grid, model, field);
      }
    }
    HBox.setHgrow(grid, Priority.ALWAYS);
    return grid;
  }

  private static void row(GridPane grid, DossierFormViewModel model, DossierFormField field) {
    Control control = control(model, field);
    control.setId(field.id());
    control.setPrefWidth(240);
    Label error = new Label();
    error.setId(field.id() + "-error");
    error.getStyleClass().add(Styles.DANGER);
    error.setWrapText(true);
    error.setMinHeight(Region.USE_PREF_SIZE);
    error.textProperty().bind(model.errorProperty(field));
    control.accessibleHelpProperty().bind(model.errorProperty(field));
    Label label = Forms.labelFor(model.texts().getString(field.labelKey()), control);
    label.setMnemonicParsing(false);
    GridPane.setValignment(error, VPos.CENTER);
    grid.addRow(grid.getRowCount(), label, control, error);
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

  private static Node status(DossierFormViewModel model) {
    Label summary = new Label();
    summary.setId("dossier-form-summary");
    summary.getStyleClass().add(Styles.DANGER);
    summary.textProperty().bind(model.summaryProperty());
    Label message = new Label();
    message.setId("dossier-form-message");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    return new VBox(4, summary, message);
  }

  private static HBox actions(DossierFormViewModel model) {
    ResourceBundle texts = model.texts();
    Button cancel = new Button(texts.getString("button.cancel"));
    cancel.setId("cancel-dossier");
    cancel.setCancelButton(true);
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
