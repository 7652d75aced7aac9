package fr.aed.station.app.gui;

import atlantafx.base.theme.Styles;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The holder's screen for the certificate, in a window turned to the holder as for the PIN at
 * enrollment (on a second screen when there is one): the certificate's content for the holder to
 * read and accept or refuse by their own click, then the holder's PIN to write it on their card.
 */
final class HolderCertificateScreen {

  private static final String LARGE = "-fx-font-size: 1.6em;";

  private HolderCertificateScreen() {}

  /**
   * Shows the certificate to the holder. Accepted, the acceptance is recorded with the shared
   * secret {@code secret} gives (taken from the officer's field only then); refused, nothing is.
   */
  static void openAcceptance(Window owner, CertificateViewModel model, Supplier<char[]> secret) {
    Stage stage = stage(owner);
    VBox lines = new VBox(8);
    lines.setId("holder-certificate-content");
    lines.setMaxWidth(900);
    for (String line : model.content()) {
      lines.getChildren().add(large(new Label(line)));
    }
    Button accept = new Button(Texts.get("certificate.holder.accept"));
    accept.setId("holder-certificate-accept");
    accept.getStyleClass().add(Styles.ACCENT);
    accept.setOnAction(
        event -> {
          stage.close();
          model.holderAccepts(secret.get());
        });
    Button refuse = new Button(Texts.get("certificate.holder.refuse"));
    refuse.setId("holder-certificate-refuse");
    refuse.setCancelButton(true);
    refuse.setOnAction(
        event -> {
          stage.close();
          model.holderRefuses();
        });
    show(
        stage,
        owner,
        new VBox(
            20,
            title("certificate.holder.title"),
            large(new Label(Texts.get("certificate.holder.read"))),
            lines,
            buttons(accept, refuse)));
  }

  /** Asks the holder's PIN; validated, the certificate is written on the card with it. */
  static void openPin(Window owner, CertificateViewModel model) {
    Stage stage = stage(owner);
    PasswordField pin = new PasswordField();
    pin.setId("holder-certificate-pin");
    pin.setStyle(LARGE);
    pin.setMaxWidth(360);
    pin.setPromptText(Texts.get("holder.pin.prompt"));
    Button validate = new Button(Texts.get("holder.validate"));
    validate.setId("holder-certificate-validate");
    validate.setDefaultButton(true);
    validate.getStyleClass().add(Styles.ACCENT);
    validate.disableProperty().bind(pin.textProperty().isEmpty());
    validate.setOnAction(
        event -> {
          char[] typed = HolderPinScreen.taken(pin);
          stage.close();
          model.install(typed);
        });
    Button back = new Button(Texts.get("holder.back"));
    back.setId("holder-certificate-back");
    back.setCancelButton(true);
    back.setOnAction(event -> stage.close());
    // Given back or validated: nothing typed stays in the field.
    stage.setOnHidden(event -> pin.clear());
    show(
        stage,
        owner,
        new VBox(
            20,
            title("certificate.holder.pin-title"),
            large(new Label(Texts.get("certificate.holder.pin-help"))),
            Glossary.explain(large(new Label(Texts.get("holder.pin.own"))), Glossary.Term.PIN),
            pin,
            buttons(validate, back)));
    pin.requestFocus();
  }

  private static Stage stage(Window owner) {
    Stage stage = new Stage();
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle(Texts.get("holder.window"));
    return stage;
  }

  private static void show(Stage stage, Window owner, VBox root) {
    root.setAlignment(Pos.CENTER);
    root.setPadding(new Insets(32));
    stage.setScene(new Scene(root));
    HolderPinScreen.place(stage, owner);
    stage.show();
  }

  private static Label title(String key) {
    Label title = new Label(Texts.get(key));
    title.setId("holder-certificate-title");
    title.getStyleClass().add(Styles.TITLE_1);
    return title;
  }

  private static Label large(Label label) {
    label.setWrapText(true);
    label.setStyle(LARGE);
    return label;
  }

  private static HBox buttons(Button first, Button second) {
    HBox buttons = new HBox(16, first, second);
    buttons.setAlignment(Pos.CENTER);
    return buttons;
  }
}
