package fr.aed.station.app.gui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A closed meeting: its sheet's preview beside its steps, the export for the certificate authority,
 * the journal's verification and the certificate's return.
 */
final class ClosedMeetingView {

  private ClosedMeetingView() {}

  static VBox build(ClosedMeetingViewModel model) {
    Label title = new Label(model.title());
    title.setId("closed-title");
    title.getStyleClass().add("title-2");
    Label readOnly = new Label(Texts.get("closed.read-only"));
    Node preview = SheetPages.preview(model.sheet());
    VBox details =
        new VBox(
            10,
            steps(model),
            verification(model),
            TokenPages.export(model.export()),
            CertificateView.build(model.certificate()));
    HBox.setHgrow(details, Priority.ALWAYS);
    HBox body = new HBox(16, preview, details);
    VBox.setVgrow(body, Priority.ALWAYS);
    Label message = new Label();
    message.setId("closed-message");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    VBox root = new VBox(10, title, readOnly, body, message, actions(model));
    root.setPadding(new Insets(16));
    return root;
  }

  private static Node steps(ClosedMeetingViewModel model) {
    ListView<String> steps = new ListView<>(model.steps());
    steps.setId("closed-steps");
    steps.setPrefHeight(220);
    return new VBox(6, new Label(Texts.get("closed.steps")), steps);
  }

  private static Node verification(ClosedMeetingViewModel model) {
    Button verify = new Button(Texts.get("closed.verify"));
    verify.setId("verify-journal");
    verify.disableProperty().bind(model.verifyingProperty());
    verify.setOnAction(event -> model.verifyJournal());
    Label verdict = new Label();
    verdict.setId("journal-verdict");
    verdict.setWrapText(true);
    verdict.textProperty().bind(model.verdictProperty());
    return new VBox(6, verify, verdict);
  }

  private static Node actions(ClosedMeetingViewModel model) {
    Button open = new Button(Texts.get("result.open-sheet"));
    open.setId("open-closed-sheet");
    open.setDisable(model.sheetFile() == null);
    open.setOnAction(event -> model.openSheet());
    Button back = new Button(Texts.get("closed.back"));
    back.setId("closed-back");
    back.setCancelButton(true);
    back.setOnAction(event -> model.close());
    HBox actions = new HBox(8, open, back);
    actions.setAlignment(Pos.CENTER_LEFT);
    return actions;
  }
}
