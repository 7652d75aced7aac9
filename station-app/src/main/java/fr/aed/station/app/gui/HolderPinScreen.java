package fr.aed.station.app.gui;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The holder's PIN entry, in a window of its own turned to the holder: on a second screen when
 * there is one, else over the officer's window while the laptop is turned. It shows the holder only
 * what they need: whose key the card is to make, the card, the last failure (a wrong PIN with the
 * tries left), and the PIN field; the key generation then goes on in the officer's window.
 */
final class HolderPinScreen {

  private static final String LARGE = "-fx-font-size: 1.6em;";

  private HolderPinScreen() {}

  /**
   * Opens the screen over {@code owner}; it closes once the PIN is given or the screen given back.
   */
  static void open(Window owner, MeetingWizardViewModel model) {
    Stage stage = new Stage();
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle(Texts.get("holder.window"));
    PasswordField pin = new PasswordField();
    pin.setId("holder-pin");
    pin.setPromptText(Texts.get("holder.pin.prompt"));
    pin.setStyle(LARGE);
    pin.setMaxWidth(360);
    Button validate = new Button(Texts.get("holder.validate"));
    validate.setId("holder-validate");
    validate.setDefaultButton(true);
    validate.getStyleClass().add(Styles.ACCENT);
    validate.disableProperty().bind(pin.textProperty().isEmpty());
    validate.setOnAction(
        event -> {
          stage.close();
          TokenPages.generate(model, pin, null);
        });
    Button back = new Button(Texts.get("holder.back"));
    back.setId("holder-back");
    back.setCancelButton(true);
    back.setOnAction(
        event -> {
          pin.clear();
          stage.close();
        });
    VBox root =
        new VBox(
            24,
            title(),
            forWhom(model),
            card(model),
            lastFailure(model),
            pin,
            buttons(validate, back));
    root.setAlignment(Pos.CENTER);
    root.setPadding(new Insets(48));
    stage.setScene(new Scene(root));
    place(stage, owner);
    stage.show();
    pin.requestFocus();
  }

  private static HBox buttons(Button validate, Button back) {
    HBox buttons = new HBox(16, validate, back);
    buttons.setAlignment(Pos.CENTER);
    return buttons;
  }

  private static Label title() {
    Label title = new Label(Texts.get("holder.title"));
    title.setId("holder-title");
    title.getStyleClass().add(Styles.TITLE_1);
    return title;
  }

  // The holder's name as the request will carry it: the holder checks whose key is made.
  private static Label forWhom(MeetingWizardViewModel model) {
    Label label = new Label();
    label.setId("holder-for");
    label.setWrapText(true);
    label.setStyle(LARGE);
    label
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    Texts.get(
                        "holder.for",
                        model.request().subject().stream()
                            .filter(line -> line.startsWith("CN="))
                            .map(line -> line.substring(3))
                            .findFirst()
                            .orElse("")),
                model.request().subject()));
    return label;
  }

  private static Label card(MeetingWizardViewModel model) {
    Label label = new Label();
    label.setId("holder-card");
    label.setWrapText(true);
    label
        .textProperty()
        .bind(
            Bindings.when(model.simulatedCardProperty())
                .then(Texts.get("holder.card.simulated"))
                .otherwise(model.token().statusProperty()));
    return label;
  }

  // What the last try gave (a wrong PIN and the tries left), shown to the one who types the next.
  private static Label lastFailure(MeetingWizardViewModel model) {
    Label label = new Label();
    label.setId("holder-message");
    label.setWrapText(true);
    label.setStyle(LARGE);
    label.getStyleClass().add(Styles.DANGER);
    String message = model.run().messageProperty().get();
    label.setText(message);
    label.setVisible(message != null && !message.isBlank());
    label.setManaged(label.isVisible());
    return label;
  }

  // On the screen the owner is not on when there are two or more, else over the owner.
  private static void place(Stage stage, Window owner) {
    Rectangle2D officers =
        new Rectangle2D(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight());
    Rectangle2D bounds =
        Screen.getScreens().stream()
            .map(Screen::getVisualBounds)
            .filter(screen -> !screen.contains(owner.getX() + 1, owner.getY() + 1))
            .findFirst()
            .orElse(officers);
    stage.setX(bounds.getMinX());
    stage.setY(bounds.getMinY());
    stage.setWidth(bounds.getWidth());
    stage.setHeight(bounds.getHeight());
  }
}
