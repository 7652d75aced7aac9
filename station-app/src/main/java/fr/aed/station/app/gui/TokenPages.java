package fr.aed.station.app.gui;

import atlantafx.base.theme.Styles;
import fr.aed.station.token.KeyType;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The wizard's last pages: the holder's token and key, then the result. */
final class TokenPages {

  private TokenPages() {}

  static Node token(MeetingWizardViewModel model) {
    GridPane grid = Forms.grid();
    Forms.row(grid, Texts.get("token.token"), tokenChoice(model));
    ComboBox<KeyType> algorithm = algorithm(model);
    Forms.row(grid, Texts.get("token.algorithm"), algorithm);
    if (model.testersMode()) {
      CheckBox pull = new CheckBox(Texts.get("token.fault.pull"));
      pull.setId("fault-pull");
      pull.selectedProperty().bindBidirectional(model.pullAtKeyGenerationProperty());
      pull.disableProperty().bind(model.simulatedCardProperty().not());
      Forms.row(grid, Texts.get("token.faults"), pull);
    }
    // A meeting the rules refuse is recorded as refused: no key, no PIN.
    Button generate = new Button(Texts.get("token.record-refusal"));
    generate.setId("generate");
    generate.setMnemonicParsing(true);
    generate.defaultButtonProperty().bind(Bindings.isNotEmpty(model.refusals()));
    generate.visibleProperty().bind(Bindings.isNotEmpty(model.refusals()));
    generate.managedProperty().bind(generate.visibleProperty());
    generate.disableProperty().bind(stopped(model).or(model.proofingReadyProperty().not()));
    // What is recorded of a refused meeting too is recorded once the holder read the notice.
    generate.setOnAction(
        event -> {
          if (model.holderPin().consentProperty().get() == null && !model.takenUp()) {
            HolderPinScreen.openNotice(generate.getScene().getWindow(), model);
          } else {
            model.generate(new char[0], new char[0]);
          }
        });
    // The PINs are typed by the holder only, on a window turned to them: the card's PIN, then the
    // one they choose, twice. The key is generated when they validate.
    Button holderScreen = new Button(Texts.get("token.holder-screen"));
    holderScreen.setId("holder-screen");
    holderScreen.setMnemonicParsing(true);
    holderScreen
        .defaultButtonProperty()
        .bind(Bindings.isEmpty(model.refusals()).and(model.requestRecordedProperty().not()));
    holderScreen
        .visibleProperty()
        .bind(Bindings.isEmpty(model.refusals()).and(model.requestRecordedProperty().not()));
    holderScreen.managedProperty().bind(holderScreen.visibleProperty());
    holderScreen
        .disableProperty()
        .bind(
            stopped(model)
                .or(model.request().blockingProperty())
                .or(Bindings.isEmpty(model.token().chosenCardProperty())));
    holderScreen.setOnAction(
        event -> HolderPinScreen.open(holderScreen.getScene().getWindow(), model));
    // A meeting taken up after its request was built: the sheet is produced without card or PIN.
    Button produce = new Button(Texts.get("token.produce-sheet"));
    produce.setId("produce-sheet");
    produce.defaultButtonProperty().bind(model.requestRecordedProperty());
    produce.visibleProperty().bind(model.requestRecordedProperty());
    produce.managedProperty().bind(produce.visibleProperty());
    produce.disableProperty().bind(stopped(model));
    produce.setOnAction(event -> model.produceRecordedSheet());
    ProgressIndicator indicator = new ProgressIndicator();
    indicator.setPrefSize(24, 24);
    indicator.visibleProperty().bind(model.run().runningProperty());
    // While the card generates: the cancel takes effect when the card answers.
    Button cancel = new Button(Texts.get("token.cancel"));
    cancel.setId("cancel-generation");
    cancel.visibleProperty().bind(model.run().runningProperty());
    cancel.disableProperty().bind(model.cancelRequestedProperty());
    cancel.setOnAction(event -> model.cancelGeneration());
    return new VBox(
        10,
        grid,
        request(model.request()),
        readers(model.token()),
        recordedCard(model),
        new HBox(10, generate, holderScreen, produce, indicator, cancel),
        steps(model, "progress"),
        message(model, "wizard-message"));
  }

  // A meeting taken up names the card it recorded; the officer may choose a new one, explicitly.
  private static Node recordedCard(MeetingWizardViewModel model) {
    Label recorded = new Label();
    recorded.setId("recorded-card");
    recorded.setWrapText(true);
    recorded.textProperty().bind(model.recordedCardProperty());
    CheckBox newCard = new CheckBox(Texts.get("token.new-card"));
    newCard.setId("new-card");
    newCard.setWrapText(true);
    newCard.selectedProperty().bindBidirectional(model.newCardProperty());
    newCard.disableProperty().bind(stopped(model));
    VBox box = new VBox(4, recorded, newCard);
    box.visibleProperty()
        .bind(model.recordedCardProperty().isNotEmpty().and(model.requestRecordedProperty().not()));
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }

  // Nothing to start while a run goes on or once the meeting ended.
  private static BooleanBinding stopped(MeetingWizardViewModel model) {
    return model.run().runningProperty().or(model.run().finishedProperty());
  }

  // The request as it will be built, read before the holder types the PIN.
  private static Node request(RequestPreviewViewModel model) {
    // One attribute a line, all shown: the holder reads the whole subject.
    Label subject = new Label();
    subject.setId("request-subject");
    subject.setWrapText(true);
    subject.setPadding(new Insets(0, 0, 0, 12));
    subject.setMinHeight(Region.USE_PREF_SIZE);
    subject
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> String.join("\n", model.subject()), model.subject()));
    Label verdict = new Label();
    verdict.setId("request-verdict");
    verdict.setWrapText(true);
    verdict.getStyleClass().add(Styles.TEXT_BOLD);
    verdict.textProperty().bind(model.verdictProperty());
    model.blockingProperty().addListener((obs, old, now) -> danger(verdict, now));
    danger(verdict, model.blockingProperty().get());
    ListView<String> findings = new ListView<>(model.findings());
    findings.setId("request-findings");
    findings.setFocusTraversable(false);
    findings.setPrefHeight(56);
    findings.getStyleClass().add(Styles.DENSE);
    Forms.wrapCells(findings);
    findings.visibleProperty().bind(Bindings.isNotEmpty(model.findings()));
    findings.managedProperty().bind(findings.visibleProperty());
    return new VBox(
        4,
        Glossary.explain(new Label(Texts.get("request.title")), Glossary.Term.REQUEST),
        subject,
        verdict,
        findings);
  }

  private static void danger(Label label, boolean on) {
    if (on) {
      label.getStyleClass().add(Styles.DANGER);
    } else {
      label.getStyleClass().remove(Styles.DANGER);
    }
  }

  // The readers, live; the officer clicks the one holding the holder's card: that click is the only
  // thing that chooses it (a card inserted or pulled out changes the list, not the choice).
  static Node readers(TokenStepViewModel model) {
    Label status = new Label();
    status.setId("reader-status");
    status.setWrapText(true);
    // All its lines, whatever the page's height: its end says what remains available.
    status.setMinHeight(Region.USE_PREF_SIZE);
    status.getStyleClass().add(Styles.TEXT_BOLD);
    status.textProperty().bind(model.statusProperty());
    ListView<String> readers = new ListView<>(model.readers());
    readers.setId("readers");
    readers.setPrefHeight(72);
    readers.setMinHeight(Region.USE_PREF_SIZE);
    readers.getStyleClass().add(Styles.DENSE);
    Forms.wrapCells(readers);
    readers.visibleProperty().bind(model.pcscAvailableProperty());
    readers.managedProperty().bind(readers.visibleProperty());
    followChoice(readers, model);
    readers
        .getSelectionModel()
        .selectedIndexProperty()
        .addListener(
            (obs, old, now) -> {
              if (now.intValue() >= 0 && now.intValue() != model.chosenIndex()) {
                model.chooseReader(now.intValue());
              }
            });
    return new VBox(
        4,
        Glossary.explain(new Label(Texts.get("token.readers")), Glossary.Term.CARD),
        readers,
        status);
  }

  // The list shows the officer's choice, whatever the readers did since.
  private static void followChoice(ListView<String> readers, TokenStepViewModel model) {
    Runnable select =
        () -> {
          int chosen = model.chosenIndex();
          if (chosen < 0) {
            readers.getSelectionModel().clearSelection();
          } else {
            readers.getSelectionModel().select(chosen);
          }
        };
    model.readers().addListener((javafx.collections.ListChangeListener<String>) c -> select.run());
    model.chosenCardProperty().addListener((obs, old, now) -> select.run());
  }

  private static Node tokenChoice(MeetingWizardViewModel model) {
    ToggleGroup group = new ToggleGroup();
    RadioButton simulated = new RadioButton(Texts.get("token.simulated"));
    simulated.setId("token-simulated");
    simulated.setToggleGroup(group);
    simulated.setVisible(model.testersMode());
    simulated.setManaged(model.testersMode());
    RadioButton reader = new RadioButton(Texts.get("token.reader"));
    reader.setId("token-reader");
    reader.setToggleGroup(group);
    (model.simulatedCardProperty().get() ? simulated : reader).setSelected(true);
    simulated.selectedProperty().bindBidirectional(model.simulatedCardProperty());
    model
        .simulatedCardProperty()
        .addListener((obs, old, now) -> (now ? simulated : reader).setSelected(true));
    Label chosen = new Label();
    chosen.setId("token-chosen");
    chosen.setWrapText(true);
    chosen.textProperty().bind(model.token().chosenCardProperty());
    return new VBox(4, new HBox(10, simulated, reader), chosen);
  }

  private static String words(KeyType type) {
    return Texts.of(fr.aed.station.app.text.Message.of("key-type." + type.id()));
  }

  private static ComboBox<KeyType> algorithm(MeetingWizardViewModel model) {
    ComboBox<KeyType> algorithm = new ComboBox<>();
    algorithm.setId("algorithm");
    algorithm.getItems().setAll(KeyType.values());
    algorithm.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(KeyType type) {
            return type == null ? "" : words(type);
          }

          @Override
          public KeyType fromString(String shown) {
            return java.util.Arrays.stream(KeyType.values())
                .filter(type -> words(type).equals(shown))
                .findFirst()
                .orElseGet(() -> KeyType.fromId(shown));
          }
        });
    algorithm.valueProperty().bindBidirectional(model.keyTypeProperty());
    return algorithm;
  }

  static Node result(MeetingWizardViewModel model) {
    GridPane grid = Forms.grid();
    Label id = new Label();
    id.setId("intervention-id");
    id.textProperty().bind(model.run().interventionIdProperty());
    Forms.row(grid, Texts.get("result.intervention"), id);
    Label sheet = new Label();
    sheet.setId("sheet-path");
    sheet.setWrapText(true);
    sheet
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    model.run().sheetPathProperty().get() == null
                        ? Texts.get("result.no-sheet")
                        : model.run().sheetPathProperty().get().toString(),
                model.run().sheetPathProperty()));
    Forms.row(grid, Texts.get("result.sheet"), sheet);
    Button open = new Button(Texts.get("result.open-sheet"));
    open.setId("open-sheet");
    open.disableProperty().bind(model.run().sheetPathProperty().isNull());
    open.setOnAction(event -> model.openSheet());
    Button print = new Button(Texts.get("result.print"));
    print.setId("print-result-sheet");
    print.disableProperty().bind(model.run().sheetPathProperty().isNull());
    print.setOnAction(event -> model.printSheet());
    return new VBox(
        10,
        message(model, "result-message"),
        grid,
        new HBox(10, open, print),
        handSignedScan(model.handSignedScan()),
        export(model.export()),
        new Label(Texts.get("result.steps")),
        steps(model, "result-steps"));
  }

  // Shown only for a meeting closed with the holder to sign the printed sheet.
  private static Node handSignedScan(HandSignedScanViewModel model) {
    Button attach = new Button(Texts.get("result.attach-scan"));
    attach.setId("attach-scan");
    attach.disableProperty().bind(model.availableBinding().not());
    attach.setOnAction(event -> model.attach());
    ProgressIndicator indicator = new ProgressIndicator();
    indicator.setPrefSize(24, 24);
    indicator.visibleProperty().bind(model.attachingProperty());
    Label message = new Label();
    message.setId("scan-message");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    VBox box = new VBox(6, new HBox(10, attach, indicator), message);
    box.visibleProperty().bind(model.onPaperProperty());
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }

  // The package for the CA, once the meeting is closed.
  static Node export(CaExportViewModel model) {
    Button export = new Button(Texts.get("result.export"));
    export.setId("export");
    export.disableProperty().bind(model.availableBinding().not());
    export.setOnAction(event -> model.export());
    Button elsewhere = new Button(Texts.get("result.export-elsewhere"));
    elsewhere.setId("export-elsewhere");
    elsewhere.disableProperty().bind(model.availableBinding().not());
    elsewhere.setOnAction(event -> model.exportElsewhere());
    ProgressIndicator indicator = new ProgressIndicator();
    indicator.setPrefSize(24, 24);
    indicator.visibleProperty().bind(model.exportingProperty());
    Label message = new Label();
    message.setId("export-message");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    Label path = new Label();
    path.setId("export-path");
    path.setWrapText(true);
    path.textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    model.packagePathProperty().get() == null
                        ? ""
                        : model.packagePathProperty().get().toString(),
                model.packagePathProperty()));
    HBox.setHgrow(path, Priority.ALWAYS);
    Button folder = new Button(Texts.get("result.open-export-folder"));
    folder.setId("open-export-folder");
    folder.setMinWidth(Region.USE_PREF_SIZE);
    folder.setOnAction(event -> model.openFolder());
    Label heading = new Label(Texts.get("result.export-package"));
    heading.setMinWidth(Region.USE_PREF_SIZE);
    HBox written = new HBox(10, heading, path, folder);
    written.setAlignment(Pos.CENTER_LEFT);
    written.visibleProperty().bind(model.packagePathProperty().isNotNull());
    written.managedProperty().bind(written.visibleProperty());
    return new VBox(6, new HBox(10, export, elsewhere, indicator), message, written);
  }

  private static ListView<String> steps(MeetingWizardViewModel model, String id) {
    ListView<String> steps = new ListView<>(model.run().steps());
    steps.setId(id);
    steps.setFocusTraversable(false);
    steps.setPrefHeight(220);
    steps.getStyleClass().add(Styles.DENSE);
    Forms.wrapCells(steps);
    VBox.setVgrow(steps, Priority.ALWAYS);
    return steps;
  }

  private static Label message(MeetingWizardViewModel model, String id) {
    Label message = new Label();
    message.setId(id);
    message.setWrapText(true);
    message.textProperty().bind(model.run().messageProperty());
    return message;
  }
}
