package fr.aed.station.app.gui;

import atlantafx.base.theme.Styles;
import fr.aed.station.app.text.VisibleText;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The meeting wizard: the step list on the left, the current page, the meeting's standing below in
 * a space of its own. Under the keyboard as a desktop wizard: "Suivant" is the default button,
 * Alt+arrows and Page Up/Down move between steps, each page opens with the focus in its first
 * field, Escape does nothing, and leaving a meeting not ended asks first.
 */
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
    // After a failure the focus goes back to the page, never to a button that leaves.
    model
        .run()
        .runningProperty()
        .addListener(
            (obs, was, now) -> {
              if (!now) {
                focusFirstField(page, model.stepProperty().get());
              }
            });
    Label title =
        new Label(
            Texts.get(
                "wizard.title", VisibleText.of(model.imported().dossier().holder().fullName())));
    title.getStyleClass().add(Styles.TITLE_3);
    title.setWrapText(true);
    title.setMinHeight(Region.USE_PREF_SIZE);
    HBox navigation = navigation(model);
    BorderPane root = new BorderPane(page);
    root.setTop(title);
    root.setLeft(stepList(model));
    root.setBottom(new VBox(8, standing(model), navigation));
    root.setPadding(new Insets(12));
    BorderPane.setMargin(title, new Insets(0, 0, 8, 0));
    shortcuts(root, navigation);
    // The first page too: the focus must not rest on the button that leaves.
    root.sceneProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null) {
                focusFirstField(page, model.stepProperty().get());
              }
            });
    return root;
  }

  // Alt+Right or Page Down: "Suivant"; Alt+Left or Page Up: "Précédent"; each when enabled.
  // Escape is left alone: it never leaves the meeting.
  private static void shortcuts(BorderPane root, HBox navigation) {
    Button previous = (Button) navigation.lookup("#previous");
    Button next = (Button) navigation.lookup("#next");
    root.addEventFilter(
        KeyEvent.KEY_PRESSED,
        event -> {
          Button target = stepKey(event, previous, next);
          // A step that cannot be left this way keeps the key for its own use (a default button,
          // a scroll).
          if (target != null && !target.isDisabled()) {
            event.consume();
            target.fire();
          }
        });
  }

  private static Button stepKey(KeyEvent event, Button previous, Button next) {
    if (enterOnABox(event)) {
      return next;
    }
    if (event.isControlDown() || event.isShiftDown() || event.isMetaDown()) {
      return null;
    }
    KeyCode code = event.getCode();
    if (event.isAltDown() ? code == KeyCode.RIGHT : code == KeyCode.PAGE_DOWN) {
      return next;
    }
    if (event.isAltDown() ? code == KeyCode.LEFT : code == KeyCode.PAGE_UP) {
      return previous;
    }
    return null;
  }

  // A box or a choice keeps Enter to itself; in a wizard, Enter there is "Suivant".
  private static boolean enterOnABox(KeyEvent event) {
    return event.getCode() == KeyCode.ENTER
        && !event.isAltDown()
        && !event.isControlDown()
        && (event.getTarget() instanceof CheckBox || event.getTarget() instanceof RadioButton);
  }

  // Each page's first field, in order of preference: the first one shown and enabled gets it.
  private static final Map<WizardStep, List<String>> FIRST_FIELD =
      Map.of(
          WizardStep.DOSSIER, List.of("#forms-signed"),
          WizardStep.IDENTITY, List.of("#mrz"),
          WizardStep.DOCUMENT, List.of("#reference-at-hand", ".radio-button"),
          WizardStep.PORTRAIT, List.of(".radio-button"),
          WizardStep.COMPANY, List.of("#siren"),
          WizardStep.FEES, List.of(".radio-button"),
          WizardStep.TOKEN, List.of("#holder-screen", "#generate", "#algorithm"),
          WizardStep.SHEET, List.of("#sign-sheet", "#sign-on-paper"),
          WizardStep.RESULT, List.of("#open-sheet", "#export"));

  private static final int FOCUS_TRIES = 10;
  private static final javafx.util.Duration FOCUS_RETRY = javafx.util.Duration.millis(50);

  // Each page opens with the focus in its first field, so the officer can type at once.
  private static void focusFirstField(ScrollPane page, WizardStep step) {
    focusFirstField(page, step, FOCUS_TRIES);
  }

  // A page just put in the scene may refuse the focus until it is laid out, and the scene then
  // hands it to the first button it finds: asked again on the next pulses, a bounded number of
  // times.
  private static void focusFirstField(ScrollPane page, WizardStep step, int tries) {
    Platform.runLater(
        () -> {
          Optional<Node> first =
              FIRST_FIELD.getOrDefault(step, List.of()).stream()
                  .flatMap(selector -> page.getContent().lookupAll(selector).stream())
                  .filter(field -> field.isVisible() && !field.isDisabled())
                  .findFirst();
          first.ifPresent(Node::requestFocus);
          boolean focused =
              first
                  .map(f -> f.getScene() != null && f.getScene().getFocusOwner() == f)
                  .orElse(false);
          if (!focused && tries > 1 && FIRST_FIELD.containsKey(step)) {
            PauseTransition later = new PauseTransition(FOCUS_RETRY);
            later.setOnFinished(event -> focusFirstField(page, step, tries - 1));
            later.play();
          }
        });
  }

  private static Map<WizardStep, Node> pages(MeetingWizardViewModel model) {
    Map<WizardStep, Node> pages = new EnumMap<>(WizardStep.class);
    pages.put(WizardStep.DOSSIER, WizardPages.dossier(model));
    pages.put(WizardStep.IDENTITY, WizardPages.identity(model.identity(), model.attestations()));
    pages.put(
        WizardStep.DOCUMENT,
        ProofingPages.document(model.document(), model.imported().meeting().identityDocument()));
    pages.put(WizardStep.PORTRAIT, ProofingPages.portrait(model.portrait()));
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

  // Its own space, the same whatever it says: nothing above the buttons moves under the pointer.
  private static final double STANDING_HEIGHT = 118;

  // What fails in red, what is to confirm in neutral colours, failures first.
  private static Node standing(MeetingWizardViewModel model) {
    Label heading = new Label();
    heading.setId("standing-heading");
    heading.setWrapText(true);
    heading.setMinHeight(Region.USE_PREF_SIZE);
    ListView<CheckLine> reasons = Forms.checkList("refusals", model.standing());
    reasons.setPrefHeight(Region.USE_COMPUTED_SIZE);
    VBox.setVgrow(reasons, Priority.ALWAYS);
    reasons.visibleProperty().bind(Bindings.isNotEmpty(model.standing()));
    Runnable update = () -> heading(heading, model);
    model.standing().addListener((ListChangeListener<CheckLine>) c -> update.run());
    model.run().refusedProperty().addListener((obs, old, now) -> update.run());
    model.run().finishedProperty().addListener((obs, old, now) -> update.run());
    update.run();
    VBox box = new VBox(4, heading, reasons);
    box.setId("standing");
    box.setMinHeight(STANDING_HEIGHT);
    box.setPrefHeight(STANDING_HEIGHT);
    box.setMaxHeight(STANDING_HEIGHT);
    return box;
  }

  private static void heading(Label heading, MeetingWizardViewModel model) {
    boolean failed = model.standing().stream().anyMatch(CheckLine::refused);
    String key;
    if (model.run().refusedProperty().get()) {
      key = "wizard.refused";
    } else if (failed) {
      key = "wizard.would-refuse";
    } else if (!model.standing().isEmpty()) {
      key = "wizard.to-confirm";
    } else if (model.run().finishedProperty().get()) {
      key = null;
    } else {
      key = "wizard.nothing-against";
    }
    // An ended meeting says its outcome on its page: nothing to add here.
    heading.setText(key == null ? "" : Texts.get(key));
    heading.getStyleClass().remove(Styles.DANGER);
    if (failed) {
      heading.getStyleClass().add(Styles.DANGER);
    }
  }

  private static HBox navigation(MeetingWizardViewModel model) {
    Button home = new Button(Texts.get("wizard.back-home"));
    home.setId("back-home");
    // Reached by the mouse only: the focus never rests on the button that leaves.
    home.setFocusTraversable(false);
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
                .or(model.stepProperty().isEqualTo(WizardStep.RESULT))
                .or(model.stepUnfinished()));
    next.defaultButtonProperty().bind(next.disableProperty().not());
    next.setOnAction(event -> model.next());
    Label keys = new Label(Texts.get("wizard.shortcuts"));
    keys.setId("wizard-shortcuts");
    keys.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
    keys.setWrapText(true);
    keys.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(keys, Priority.ALWAYS);
    for (Button button : List.of(home, previous, next)) {
      button.setMinWidth(Region.USE_PREF_SIZE);
    }
    HBox buttons = new HBox(8, home, keys, previous, next);
    buttons.setAlignment(Pos.CENTER_LEFT);
    return buttons;
  }
}
