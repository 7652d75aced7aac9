package fr.aed.station.app.gui;

import atlantafx.base.theme.Styles;
import fr.aed.station.app.text.VisibleText;
import java.util.EnumMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The meeting wizard: the step list on the left, the current page, the refusal reasons below. */
final class MeetingWizardView {

  private MeetingWizardView() {}

  static BorderPane build(MeetingWizardViewModel model) {
    Map<WizardStep, Node> pages = pages(model);
    ScrollPane page = new ScrollPane(pages.get(model.stepProperty().get()));
    page.setFitToWidth(true);
    page.setFitToHeight(true);
    page.setPadding(new Insets(12));
    model
        .stepProperty()
        .addListener(
            (obs, old, now) -> {
              page.setContent(pages.get(now));
              focusFirstField(page, now);
            });
    Label title =
        new Label(
            Texts.get(
                "wizard.title", VisibleText.of(model.imported().dossier().holder().fullName())));
    title.getStyleClass().add(Styles.TITLE_3);
    BorderPane root = new BorderPane(page);
    root.setTop(title);
    root.setLeft(stepList(model));
    root.setBottom(new VBox(8, refusals(model), navigation(model)));
    root.setPadding(new Insets(12));
    BorderPane.setMargin(title, new Insets(0, 0, 8, 0));
    return root;
  }

  private static final Map<WizardStep, String> FIRST_FIELD =
      Map.of(
          WizardStep.IDENTITY, "#mrz",
          WizardStep.COMPANY, "#siren",
          WizardStep.FEES, ".radio-button",
          WizardStep.TOKEN, "#pin",
          WizardStep.SHEET, "#sign-sheet",
          WizardStep.RESULT, "#open-sheet");

  // Each page opens with the focus in its first field, so the officer can type at once.
  private static void focusFirstField(ScrollPane page, WizardStep step) {
    String selector = FIRST_FIELD.get(step);
    if (selector != null) {
      Platform.runLater(
          () -> {
            Node field = page.getContent().lookup(selector);
            if (field != null) {
              field.requestFocus();
            }
          });
    }
  }

  private static Map<WizardStep, Node> pages(MeetingWizardViewModel model) {
    Map<WizardStep, Node> pages = new EnumMap<>(WizardStep.class);
    pages.put(WizardStep.DOSSIER, WizardPages.dossier(model));
    pages.put(WizardStep.IDENTITY, WizardPages.identity(model.identity()));
    pages.put(WizardStep.COMPANY, WizardPages.company(model.company()));
    pages.put(WizardStep.FEES, WizardPages.fees(model));
    pages.put(WizardStep.TOKEN, TokenPages.token(model));
    pages.put(WizardStep.SHEET, SheetPages.sheet(model));
    pages.put(WizardStep.RESULT, TokenPages.result(model));
    return pages;
  }

  private static ListView<WizardStep> stepList(MeetingWizardViewModel model) {
    ListView<WizardStep> steps = new ListView<>();
    steps.setId("wizard-steps");
    steps.getItems().setAll(WizardStep.values());
    steps.setPrefWidth(210);
    steps.setFocusTraversable(false);
    steps.setCellFactory(
        view ->
            new ListCell<>() {
              @Override
              protected void updateItem(WizardStep step, boolean empty) {
                super.updateItem(step, empty);
                setText(empty || step == null ? null : step.title());
              }
            });
    steps.getSelectionModel().select(model.stepProperty().get());
    model.stepProperty().addListener((obs, old, now) -> steps.getSelectionModel().select(now));
    steps
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, now) -> {
              model.goTo(now);
              if (now != model.stepProperty().get()) {
                steps.getSelectionModel().select(model.stepProperty().get());
              }
            });
    BorderPane.setMargin(steps, new Insets(0, 12, 0, 0));
    return steps;
  }

  private static Node refusals(MeetingWizardViewModel model) {
    Label heading = new Label();
    heading.getStyleClass().add(Styles.DANGER);
    heading
        .textProperty()
        .bind(
            Bindings.when(model.run().refusedProperty())
                .then(Texts.get("wizard.refused"))
                .otherwise(Texts.get("wizard.would-refuse")));
    ListView<String> reasons = new ListView<>(model.refusals());
    reasons.setId("refusals");
    reasons.setPrefHeight(100);
    reasons.getStyleClass().add(Styles.DENSE);
    reasons.setFocusTraversable(false);
    VBox box = new VBox(4, heading, reasons);
    box.visibleProperty().bind(Bindings.isNotEmpty(model.refusals()));
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }

  private static HBox navigation(MeetingWizardViewModel model) {
    Button home = new Button(Texts.get("wizard.back-home"));
    home.setId("back-home");
    home.disableProperty().bind(model.run().runningProperty());
    home.setOnAction(event -> model.close());
    Button previous = new Button(Texts.get("wizard.previous"));
    previous.setId("previous");
    previous
        .disableProperty()
        .bind(
            model
                .run()
                .recordedBinding()
                .or(model.run().runningProperty())
                .or(model.stepProperty().isEqualTo(WizardStep.DOSSIER)));
    previous.setOnAction(event -> model.previous());
    Button next = new Button(Texts.get("wizard.next"));
    next.setId("next");
    next.disableProperty()
        .bind(
            model
                .stepProperty()
                .isEqualTo(WizardStep.TOKEN)
                .or(model.stepProperty().isEqualTo(WizardStep.SHEET))
                .or(model.stepProperty().isEqualTo(WizardStep.RESULT)));
    next.defaultButtonProperty().bind(next.disableProperty().not());
    next.setOnAction(event -> model.next());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    return new HBox(8, home, spacer, previous, next);
  }
}
