package fr.aed.station.app.gui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;

/** The screen that hides the locked window until the officer's PIN is given again. */
final class LockScreen {

  private LockScreen() {}

  static VBox build(LockScreenViewModel model) {
    Label title = new Label(Texts.get("lock.title"));
    title.setId("lock-title");
    title.getStyleClass().add("title-2");
    Label officer = new Label(model.officer());
    PasswordField pin = new PasswordField();
    pin.setId("lock-pin");
    pin.setMaxWidth(320);
    pin.setPromptText(Texts.get("signin.pin-prompt"));
    pin.setDisable(!model.asksPin());
    Button unlock = new Button(Texts.get("signin.unlock-button"));
    unlock.setId("unlock");
    unlock.setDefaultButton(true);
    unlock.disableProperty().bind(model.busyProperty());
    unlock.setOnAction(
        event -> {
          char[] code = pin.getText().toCharArray();
          pin.clear();
          model.unlock(code);
        });
    Label message = new Label();
    message.setId("lock-message");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    VBox root =
        new VBox(12, title, officer, new Label(Texts.get("signin.pin")), pin, unlock, message);
    root.setAlignment(Pos.CENTER);
    root.setPadding(new Insets(24));
    root.setId("lock-screen");
    return root;
  }
}
