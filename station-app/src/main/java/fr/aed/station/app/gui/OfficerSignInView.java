package fr.aed.station.app.gui;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The officer's sign-in screen: the first-run form, or the PIN that unlocks the officer's card. */
final class OfficerSignInView {

  private final OfficerSignInViewModel model;

  OfficerSignInView(OfficerSignInViewModel model) {
    this.model = model;
  }

  Parent root() {
    Label title = new Label();
    title.getStyleClass().add("title-2");
    title
        .textProperty()
        .bind(
            model
                .firstRunProperty()
                .map(first -> first ? Texts.get("signin.first-run") : Texts.get("signin.unlock")));
    GridPane form = form();
    form.visibleProperty().bind(model.firstRunProperty());
    form.managedProperty().bind(model.firstRunProperty());
    Label welcome = new Label();
    welcome
        .textProperty()
        .bind(model.nameProperty().map(name -> Texts.get("signin.officer", name)));
    welcome.visibleProperty().bind(model.firstRunProperty().not());
    PasswordField pin = new PasswordField();
    pin.setId("officer-pin");
    pin.setMaxWidth(320);
    pin.setPromptText(Texts.get("signin.pin-prompt"));
    pin.disableProperty().bind(model.demonstrationCardProperty());
    Button go = new Button();
    go.setId("officer-sign-in");
    go.setDefaultButton(true);
    go.textProperty()
        .bind(
            model
                .firstRunProperty()
                .map(
                    first -> first ? Texts.get("signin.save") : Texts.get("signin.unlock-button")));
    go.disableProperty()
        .bind(
            model.busyProperty().or(model.firstRunProperty().and(model.completeProperty().not())));
    go.setOnAction(
        event -> {
          char[] code = pin.getText().toCharArray();
          pin.clear();
          model.signIn(code);
        });
    Label message = new Label();
    message.setId("officer-message");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    VBox root =
        new VBox(
            12,
            title,
            form,
            welcome,
            training(model),
            new Label(Texts.get("signin.pin")),
            pin,
            go,
            message);
    root.setPadding(new Insets(24));
    root.setMaxWidth(720);
    return root;
  }

  private GridPane form() {
    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(8);
    row(grid, 0, Texts.get("signin.name"), "officer-name", model.nameProperty());
    row(grid, 1, Texts.get("signin.office"), "officer-office", model.officeProperty());
    row(grid, 2, Texts.get("signin.address"), "officer-address", model.addressProperty());
    row(grid, 3, Texts.get("signin.aed-id"), "officer-aed-id", model.aedIdentifierProperty());
    row(grid, 4, Texts.get("signin.trained-on"), "officer-trained-on", model.trainedOnProperty())
        .setPromptText(Texts.get("signin.trained-on-prompt"));
    row(
        grid,
        5,
        Texts.get("signin.accreditation"),
        "officer-accreditation",
        model.accreditationProperty());
    CheckBox demo = new CheckBox(Texts.get("signin.demo-card"));
    demo.setId("officer-demo-card");
    demo.selectedProperty().bindBidirectional(model.demonstrationCardProperty());
    grid.add(demo, 1, 6);
    TextField reader =
        row(grid, 7, Texts.get("signin.reader"), "officer-reader", model.readerNameProperty());
    reader.setPromptText(Texts.get("signin.reader-prompt"));
    reader.disableProperty().bind(model.demonstrationCardProperty());
    return grid;
  }

  private static TextField row(
      GridPane grid, int row, String label, String id, javafx.beans.property.StringProperty value) {
    TextField field = new TextField();
    field.setId(id);
    field.setPrefColumnCount(32);
    field.textProperty().bindBidirectional(value);
    Label caption = new Label(label);
    caption.setLabelFor(field);
    grid.add(caption, 0, row);
    grid.add(field, 1, row);
    return field;
  }

  // The training soon to run out, or run out: said before the card is unlocked.
  private static Label training(OfficerSignInViewModel model) {
    Label training = new Label();
    training.setId("training-notice");
    training.setWrapText(true);
    training.textProperty().bind(model.trainingNoticeProperty());
    training.visibleProperty().bind(model.trainingNoticeProperty().isNotEmpty());
    training.managedProperty().bind(training.visibleProperty());
    return training;
  }
}
