package fr.aed.station.app.gui;

import fr.aed.station.app.store.InterventionSummary;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The home screen: recent interventions, search, resume, new meeting and the demonstration. */
final class HomeView {

  private HomeView() {}

  static VBox build(HomeViewModel model, DemoViewModel demo) {
    Label title = new Label("Interventions récentes");
    title.getStyleClass().add("title-2");
    TableView<InterventionSummary> table = table(model);
    VBox.setVgrow(table, Priority.ALWAYS);
    Label message = new Label();
    message.setId("home-message");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    TitledPane demoPane = new TitledPane("Démonstration", StationWindow.content(demo));
    demoPane.setExpanded(false);
    VBox root =
        new VBox(10, title, filters(model), table, actions(model, table), message, demoPane);
    root.setPadding(new Insets(16));
    return root;
  }

  private static HBox filters(HomeViewModel model) {
    TextField search = new TextField();
    search.setId("search");
    search.setPromptText("Titulaire ou entreprise");
    search.textProperty().bindBidirectional(model.searchProperty());
    HBox.setHgrow(search, Priority.ALWAYS);
    Label searchLabel = new Label("_Rechercher :");
    searchLabel.setMnemonicParsing(true);
    searchLabel.setLabelFor(search);
    ComboBox<String> status = new ComboBox<>();
    status.setId("status-filter");
    status.getItems().add(null);
    status.getItems().addAll("OPEN", "CLOSED", "REFUSED", "FAILED");
    status.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(String code) {
            return code == null ? "Tous les statuts" : FrenchLabels.status(code);
          }

          @Override
          public String fromString(String text) {
            return FrenchLabels.STATUSES.entrySet().stream()
                .filter(e -> e.getValue().equals(text))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
          }
        });
    status.valueProperty().bindBidirectional(model.statusFilterProperty());
    return new HBox(8, searchLabel, search, new Label("Statut :"), status);
  }

  private static TableView<InterventionSummary> table(HomeViewModel model) {
    TableView<InterventionSummary> table = new TableView<>(model.interventions());
    table.setId("interventions");
    table.setPlaceholder(new Label("Aucune intervention enregistrée."));
    table.getColumns().add(column("Dossier", InterventionSummary::dossierId));
    table.getColumns().add(column("Titulaire", InterventionSummary::holderName));
    table.getColumns().add(column("Entreprise", InterventionSummary::companyName));
    table.getColumns().add(column("Statut", s -> FrenchLabels.status(s.status())));
    table.getColumns().add(column("Étape", s -> FrenchLabels.step(s.step())));
    table.getColumns().add(column("Date", s -> FrenchLabels.dateTime(s.startedAt())));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    return table;
  }

  private static TableColumn<InterventionSummary, String> column(
      String title, Function<InterventionSummary, String> value) {
    TableColumn<InterventionSummary, String> column = new TableColumn<>(title);
    column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    return column;
  }

  private static HBox actions(HomeViewModel model, TableView<InterventionSummary> table) {
    Button resume = new Button("Re_prendre");
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
    Button importFile = new Button("_Nouveau rendez-vous…");
    importFile.setId("new-meeting");
    importFile.setDefaultButton(true);
    importFile.setOnAction(e -> model.importEnrollment());
    Button enterDossier = new Button("_Saisir un dossier…");
    enterDossier.setId("enter-dossier");
    enterDossier.setOnAction(e -> model.enterDossier());
    HBox actions = new HBox(8, importFile, enterDossier);
    if (model.testersMode()) {
      Button sample = new Button("Nouveau rendez-vous sur l'_exemple (mode testeurs)");
      sample.setId("new-sample-meeting");
      sample.setOnAction(e -> model.startFromSample());
      actions.getChildren().add(sample);
    }
    actions.getChildren().add(resume);
    return actions;
  }
}
