package fr.aed.station.app.gui;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A closed meeting's certificate: where it stands, why it was refused, and the steps that fit
 * (asked of the authority, asked again, received in a file, accepted by the holder on the holder's
 * screen, installed on the holder's card).
 */
final class CertificateView {

  private CertificateView() {}

  static VBox build(CertificateViewModel model) {
    Label heading = new Label(Texts.get("certificate.heading"));
    heading.getStyleClass().add(Styles.TEXT_BOLD);
    Label stage = new Label();
    stage.setId("certificate-stage");
    stage.setWrapText(true);
    stage.textProperty().bind(model.stageTextProperty());
    Label reasons = new Label();
    reasons.setId("certificate-reasons");
    reasons.setWrapText(true);
    reasons
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> String.join("\n", model.reasons()), model.reasons()));
    PasswordField secret = secret(model);
    Label message = new Label();
    message.setId("certificate-message");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    return new VBox(
        6,
        heading,
        stage,
        reasons,
        secret,
        authorityActions(model, secret),
        install(model),
        message);
  }

  // The secret the authority gave, typed only when a step needs it; read as characters, wiped.
  private static PasswordField secret(CertificateViewModel model) {
    PasswordField secret = new PasswordField();
    secret.setId("certificate-secret");
    secret.setPromptText(Texts.get("certificate.secret.prompt"));
    secret.setMaxWidth(360);
    shownWhen(
        secret,
        model
            .sharedSecretProperty()
            .and(
                model
                    .canSubmit()
                    .or(model.canAskAgain())
                    .or(model.canPresent().and(model.secretToAcceptProperty()))));
    return secret;
  }

  private static Node authorityActions(CertificateViewModel model, PasswordField secret) {
    Button submit = button("certificate-submit", "certificate.submit", model.canSubmit());
    submit.setOnAction(event -> model.submit(HolderPinScreen.taken(secret)));
    Button again = button("certificate-ask-again", "certificate.ask-again", model.canAskAgain());
    again.setOnAction(event -> model.askAgain(HolderPinScreen.taken(secret)));
    Button file = new Button(Texts.get("certificate.file"));
    file.setId("certificate-file");
    file.disableProperty().bind(model.canReceive().not());
    file.setOnAction(event -> model.receiveFile());
    Button present = button("certificate-present", "certificate.present", model.canPresent());
    present.setOnAction(
        event ->
            HolderCertificateScreen.openAcceptance(
                present.getScene().getWindow(), model, () -> HolderPinScreen.taken(secret)));
    ProgressIndicator indicator = new ProgressIndicator();
    indicator.setPrefSize(24, 24);
    indicator.visibleProperty().bind(model.busyProperty());
    return new HBox(8, submit, again, file, present, indicator);
  }

  // The holder's card, from the readers (or the testers' simulated card), then the holder's PIN.
  private static Node install(CertificateViewModel model) {
    Button simulated = new Button(Texts.get("certificate.simulated-card"));
    simulated.setId("certificate-simulated-card");
    simulated.setVisible(model.card().testersMode());
    simulated.setManaged(model.card().testersMode());
    simulated.setOnAction(event -> model.card().chooseSimulatedCard());
    Button install = new Button(Texts.get("certificate.install"));
    install.setId("certificate-install");
    install.getStyleClass().add(Styles.ACCENT);
    install.setOnAction(
        event -> {
          if (model.cardChosen()) {
            HolderCertificateScreen.openPin(install.getScene().getWindow(), model);
          } else {
            model.install(new char[0]);
          }
        });
    Label chosen = new Label();
    chosen.setId("certificate-card");
    chosen.setWrapText(true);
    chosen.textProperty().bind(model.card().readers().chosenCardProperty());
    VBox box =
        new VBox(
            6, TokenPages.readers(model.card().readers()), chosen, new HBox(8, simulated, install));
    shownWhen(box, model.canInstall());
    return box;
  }

  private static Button button(String id, String key, BooleanExpression available) {
    Button button = new Button(Texts.get(key));
    button.setId(id);
    shownWhen(button, available);
    return button;
  }

  private static void shownWhen(Node node, BooleanExpression shown) {
    node.visibleProperty().bind(shown);
    node.managedProperty().bind(node.visibleProperty());
  }
}
