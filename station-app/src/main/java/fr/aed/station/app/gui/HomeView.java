package fr.aed.station.app.gui;

import atlantafx.base.theme.Styles;
import fr.aed.station.app.store.InterventionSummary;
import fr.aed.station.app.text.VisibleText;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The home screen: recent interventions, search, resume, new meeting and the demonstration. */
final class HomeView {

  private HomeView() {}

  static VBox build(HomeViewModel model, DemoViewModel demo, Consumer<Locale> languageChooser) {
    Label title = new Label(Texts.get("home.title"));
    title.getStyleClass().add("title-2");
    TableView<InterventionSummary> table = table(model);
    VBox.setVgrow(table, Priority.ALWAYS);
    Label message = new Label();
    message.setId("home-message");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    Label training = new Label();
    training.setId("training-notice");
    training.setWrapText(true);
    training.textProperty().bind(model.trainingNoticeProperty());
    training.visibleProperty().bind(model.trainingNoticeProperty().isNotEmpty());
    training.managedProperty().bind(training.visibleProperty());
    training.getStyleClass().add(Styles.TEXT_BOLD);
    model
        .trainingExpiredProperty()
        .addListener(
            (obs, old, now) -> {
              if (now) {
                training.getStyleClass().add(Styles.DANGER);
              } else {
                training.getStyleClass().remove(Styles.DANGER);
              }
            });
    TitledPane demoPane = new TitledPane(Texts.get("home.demo"), StationWindow.content(demo));
    demoPane.setExpanded(false);
    VBox root =
        new VBox(
            10,
            titleRow(title, languageChooser),
            training,
            filters(model),
            table,
            actions(model, table),
            message,
            demoPane);
    root.setPadding(new Insets(16));
    return root;
  }

  // The language choice sits beside the title: choosing one rebuilds the window's content.
  private static HBox titleRow(Label title, Consumer<Locale> languageChooser) {
    ComboBox<Locale> language = new ComboBox<>();
    language.setId("language");
    language.getItems().setAll(Texts.LANGUAGES);
    language.setValue(Texts.locale());
    language.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Locale locale) {
            return locale == null ? "" : locale.getDisplayLanguage(locale);
          }

          @Override
          public Locale fromString(String text) {
            return Texts.LANGUAGES.stream()
                .filter(l -> l.getDisplayLanguage(l).equals(text))
                .findFirst()
                .orElse(null);
          }
        });
    language
        .valueProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null && !now.equals(old)) {
                languageChooser.accept(now);
              }
            });
    Label languageLabel = new Label(Texts.get("home.language"));
    languageLabel.setMnemonicParsing(true);
    languageLabel.setLabelFor(language);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox row = new HBox(8, title, spacer, languageLabel, language);
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }

  private static HBox filters(HomeViewModel model) {
    TextField search = new TextField();
    search.setId("search");
    search.setPromptText(Texts.get("home.search.prompt"));
    search.textProperty().bindBidirectional(model.searchProperty());
    HBox.setHgrow(search, Priority.ALWAYS);
    Label searchLabel = new Label(Texts.get("home.search"));
    searchLabel.setMnemonicParsing(true);
    searchLabel.setLabelFor(search);
    ComboBox<String> status = new ComboBox<>();
    status.setId("status-filter");
    status.getItems().add(null);
    status.getItems().addAll(RecordLabels.STATUSES);
    status.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(String code) {
            return code == null ? Texts.get("home.all-statuses") : RecordLabels.status(code);
          }

          @Override
          public String fromString(String text) {
            return RecordLabels.STATUSES.stream()
                .filter(code -> RecordLabels.status(code).equals(text))
                .findFirst()
                .orElse(null);
          }
        });
    status.valueProperty().bindBidirectional(model.statusFilterProperty());
    return new HBox(8, searchLabel, search, new Label(Texts.get("home.status")), status);
  }

  private static TableView<InterventionSummary> table(HomeViewModel model) {
    TableView<InterventionSummary> table = new TableView<>(model.interventions());
    table.setId("interventions");
    table.setPlaceholder(new Label(Texts.get("home.empty")));
    table.getColumns().add(column(Texts.get("home.column.number"), InterventionSummary::id));
    table
        .getColumns()
        .add(column(Texts.get("home.column.dossier"), InterventionSummary::dossierId));
    table
        .getColumns()
        .add(column(Texts.get("home.column.holder"), InterventionSummary::holderName));
    table
        .getColumns()
        .add(column(Texts.get("home.column.company"), InterventionSummary::companyName));
    table
        .getColumns()
        .add(column(Texts.get("home.column.status"), s -> RecordLabels.status(s.status())));
    table.getColumns().add(column(Texts.get("home.column.step"), s -> RecordLabels.step(s.step())));
    table
        .getColumns()
        .add(column(Texts.get("home.column.date"), s -> RecordLabels.dateTime(s.startedAt())));
    table.getColumns().add(certificate(model));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    return table;
  }

  // A certificate the authority issues later is marked, for the officer to ask again.
  private static TableColumn<InterventionSummary, String> certificate(HomeViewModel model) {
    TableColumn<InterventionSummary, String> column =
        column(
            Texts.get("home.column.certificate"),
            s -> CertificateWords.mark(model.certificateStage(s)));
    column.setId("certificate-column");
    column.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                InterventionSummary row = empty ? null : getTableRow().getItem();
                getStyleClass().remove("certificate-awaited");
                if (row != null && model.certificateAwaited(row)) {
                  getStyleClass().add("certificate-awaited");
                }
              }
            });
    return column;
  }

  private static TableColumn<InterventionSummary, String> column(
      String title, Function<InterventionSummary, String> value) {
    TableColumn<InterventionSummary, String> column = new TableColumn<>(title);
    // Recorded text comes from dossiers: shown escaped, one line per meeting whatever it holds.
    column.setCellValueFactory(
        cell -> new ReadOnlyStringWrapper(VisibleText.of(value.apply(cell.getValue()))));
    return column;
  }

  private static HBox actions(HomeViewModel model, TableView<InterventionSummary> table) {
    Button resume = new Button(Texts.get("home.resume"));
    resume.setId("resume");
    resume
        .disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () ->
                    model.busyProperty().get()
                        || !model.canResume(table.getSelectionModel().getSelectedItem()),
                model.busyProperty(),
                table.getSelectionModel().selectedItemProperty()));
    resume.setOnAction(e -> model.resume(table.getSelectionModel().getSelectedItem()));
    Button importFile = new Button(Texts.get("home.new-meeting"));
    importFile.setId("new-meeting");
    importFile.setDefaultButton(true);
    importFile.setOnAction(e -> model.importEnrollment());
    Button enterDossier = new Button(Texts.get("home.enter-dossier"));
    enterDossier.setId("enter-dossier");
    enterDossier.setOnAction(e -> model.enterDossier());
    HBox actions = new HBox(8, importFile, enterDossier);
    if (model.testersMode()) {
      Button sample = new Button(Texts.get("home.new-sample-meeting"));
      sample.setId("new-sample-meeting");
      sample.setOnAction(e -> model.startFromSample());
      actions.getChildren().add(sample);
    }
    actions.getChildren().addAll(resume, openClosed(model, table));
    return actions;
  }

  // A closed meeting opens read only: from its button, or a double click on its row.
  private static Button openClosed(HomeViewModel model, TableView<InterventionSummary> table) {
    Button open = new Button(Texts.get("home.open-closed"));
    open.setId("open-closed");
    open.disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () ->
                    model.busyProperty().get()
                        || !model.canOpenClosed(table.getSelectionModel().getSelectedItem()),
                model.busyProperty(),
                table.getSelectionModel().selectedItemProperty()));
    open.setOnAction(e -> model.openClosed(table.getSelectionModel().getSelectedItem()));
    table.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2) {
            model.openClosed(table.getSelectionModel().getSelectedItem());
          }
        });
    return open;
  }
}
