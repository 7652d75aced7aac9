package fr.aed.station.app.gui;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
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
 * tries left), and the PIN fields: the card's current PIN, then the PIN the holder chooses, typed
 * twice and checked as typed; the key generation then goes on in the officer's window. Before the
 * PIN, the first time in the meeting, the information notice: what is recorded, for how long, the
 * holder's duties, accepted by the holder's own click, whose time the meeting records with its
 * checks (the consent is asked here because the checks are recorded when the PIN is validated).
 */
final class HolderPinScreen {

  private static final String LARGE = "-fx-font-size: 1.6em;";

  private HolderPinScreen() {}

  /**
   * Opens the screen over {@code owner}; it closes once the PINs are given or the screen given
   * back, and every field is emptied as it closes.
   */
  static void open(Window owner, MeetingWizardViewModel model) {
    HolderPinViewModel entry = model.holderPin();
    boolean own = entry.pinAlreadyChosen();
    Stage stage = new Stage();
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle(Texts.get("holder.window"));
    PasswordField pin = field("holder-pin", Texts.get("holder.pin.prompt"));
    PasswordField newPin = field("holder-new-pin", Texts.get("holder.pin.new.prompt"));
    PasswordField again = field("holder-new-pin-again", Texts.get("holder.pin.again.prompt"));
    // Checked at each key; the fields are read as characters, never as a String.
    InvalidationListener typed =
        observable ->
            entry.check(pin.getCharacters(), newPin.getCharacters(), again.getCharacters());
    for (PasswordField field : List.of(pin, newPin, again)) {
      field.textProperty().addListener(typed);
    }
    entry.reset();
    Button validate = new Button(Texts.get("holder.validate"));
    validate.setId("holder-validate");
    validate.setDefaultButton(true);
    validate.getStyleClass().add(Styles.ACCENT);
    validate.disableProperty().bind(entry.acceptedProperty().not());
    validate.setOnAction(
        event -> {
          char[] current = taken(pin);
          char[] chosen = own ? new char[0] : taken(newPin);
          stage.close();
          model.generate(current, chosen);
        });
    Button back = new Button(Texts.get("holder.back"));
    back.setId("holder-back");
    back.setCancelButton(true);
    back.setOnAction(event -> stage.close());
    // Given back, validated or closed: nothing typed stays in the fields.
    stage.setOnHidden(
        event -> {
          pin.clear();
          newPin.clear();
          again.clear();
          entry.reset();
        });
    VBox root =
        new VBox(
            16,
            title(own),
            forWhom(model),
            card(model),
            lastFailure(model),
            help(own),
            fields(own, pin, newPin, again),
            feedback(entry),
            buttons(validate, back));
    root.setAlignment(Pos.CENTER);
    root.setPadding(new Insets(32));
    if (entry.consentProperty().get() == null) {
      stage.setScene(
          new Scene(
              notice(
                  entry,
                  stage,
                  () -> {
                    stage.getScene().setRoot(root);
                    pin.requestFocus();
                  })));
    } else {
      stage.setScene(new Scene(root));
    }
    place(stage, owner);
    stage.show();
    if (entry.consentProperty().get() != null) {
      pin.requestFocus();
    }
  }

  /**
   * Opens the information notice alone, for a meeting refused before any PIN: what is recorded of
   * the refused meeting is recorded once the holder accepted it; given back, nothing is recorded.
   */
  static void openNotice(Window owner, MeetingWizardViewModel model) {
    Stage stage = new Stage();
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle(Texts.get("holder.window"));
    stage.setScene(
        new Scene(
            notice(
                model.holderPin(),
                stage,
                () -> {
                  stage.close();
                  model.generate(new char[0], new char[0]);
                })));
    place(stage, owner);
    stage.show();
  }

  // The information notice, accepted by the holder's click before anything is recorded; then what
  // comes after (the PIN fields, or the refusal recorded).
  private static VBox notice(HolderPinViewModel entry, Stage stage, Runnable accepted) {
    Label title = new Label(Texts.get("holder.notice.title"));
    title.setId("holder-notice-title");
    title.getStyleClass().add(Styles.TITLE_2);
    VBox text = new VBox(10);
    text.setId("holder-notice");
    text.setMaxWidth(760);
    for (String part : List.of("recorded", "kept", "duties", "consent")) {
      Label line = new Label(Texts.get("holder.notice." + part));
      line.setWrapText(true);
      line.setStyle(LARGE);
      text.getChildren().add(line);
    }
    Button accept = new Button(Texts.get("holder.notice.accept"));
    accept.setId("holder-accept");
    accept.setDefaultButton(true);
    accept.getStyleClass().add(Styles.ACCENT);
    Button back = new Button(Texts.get("holder.back"));
    back.setId("holder-notice-back");
    back.setCancelButton(true);
    back.setOnAction(event -> stage.close());
    VBox notice = new VBox(20, title, text, buttons(accept, back));
    accept.setOnAction(
        event -> {
          entry.acceptNotice();
          accepted.run();
        });
    notice.setAlignment(Pos.CENTER);
    notice.setPadding(new Insets(32));
    return notice;
  }

  private static PasswordField field(String id, String prompt) {
    PasswordField field = new PasswordField();
    field.setId(id);
    field.setPromptText(prompt);
    field.setStyle(LARGE);
    field.setPrefWidth(360);
    return field;
  }

  // The card's current PIN, then the new one twice; only the holder's own PIN once it is chosen.
  private static GridPane fields(
      boolean own, PasswordField pin, PasswordField newPin, PasswordField again) {
    GridPane grid = new GridPane();
    grid.setHgap(16);
    grid.setVgap(12);
    grid.setAlignment(Pos.CENTER);
    grid.addRow(0, label(own ? "holder.pin.own" : "holder.pin.current"), pin);
    if (!own) {
      grid.addRow(1, label("holder.pin.new"), newPin);
      grid.addRow(2, label("holder.pin.again"), again);
    }
    return grid;
  }

  private static Label label(String key) {
    Label label = new Label(Texts.get(key));
    label.setStyle(LARGE);
    return Glossary.explain(label, Glossary.Term.PIN);
  }

  private static Label help(boolean own) {
    Label help = new Label(Texts.get(own ? "holder.pin.own.help" : "holder.pin.current.help"));
    help.setId("holder-help");
    help.setWrapText(true);
    return help;
  }

  // The rule the new PIN breaks, or what to type next, live.
  private static Label feedback(HolderPinViewModel entry) {
    Label feedback = new Label();
    feedback.setId("holder-pin-feedback");
    feedback.setWrapText(true);
    feedback.setStyle(LARGE);
    feedback.textProperty().bind(entry.feedbackProperty());
    entry.feedbackIsProblemProperty().addListener((obs, old, now) -> danger(feedback, now));
    danger(feedback, entry.feedbackIsProblemProperty().get());
    return feedback;
  }

  private static void danger(Label label, boolean on) {
    if (on) {
      label.getStyleClass().add(Styles.DANGER);
    } else {
      label.getStyleClass().remove(Styles.DANGER);
    }
  }

  // The PIN leaves the field as characters, never as a String, and the field is emptied at once.
  static char[] taken(PasswordField field) {
    CharSequence typed = field.getCharacters();
    char[] secret = new char[typed.length()];
    for (int i = 0; i < secret.length; i++) {
      secret[i] = typed.charAt(i);
    }
    field.clear();
    return secret;
  }

  private static HBox buttons(Button validate, Button back) {
    HBox buttons = new HBox(16, validate, back);
    buttons.setAlignment(Pos.CENTER);
    return buttons;
  }

  private static Label title(boolean own) {
    Label title = new Label(Texts.get(own ? "holder.title.own" : "holder.title"));
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
                () -> Texts.get("holder.for", model.request().commonNameProperty().get()),
                model.request().commonNameProperty()));
    return label;
  }

  private static Label card(MeetingWizardViewModel model) {
    Label label = new Label();
    label.setId("holder-card");
    label.setWrapText(true);
    // The exact card the PIN goes to, as the officer chose it.
    label
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> Texts.get("holder.card", model.token().chosenCardProperty().get()),
                model.token().chosenCardProperty()));
    return label;
  }

  // What the last try gave (a wrong PIN and the tries left), shown to the one who types the next.
  private static Label lastFailure(MeetingWizardViewModel model) {
    Label label = new Label();
    label.setId("holder-message");
    label.setWrapText(true);
    label.setStyle(LARGE);
    // a blocked PIN sends the holder to the PUK: the tooltip says what it is
    Glossary.explain(label, Glossary.Term.PUK);
    label.getStyleClass().add(Styles.DANGER);
    String message = model.run().messageProperty().get();
    label.setText(message);
    label.setVisible(message != null && !message.isBlank());
    label.setManaged(label.isVisible());
    return label;
  }

  // On the screen the owner is not on when there are two or more, else over the owner.
  static void place(Stage stage, Window owner) {
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
