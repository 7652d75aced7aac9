package fr.aed.station.app.gui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The bar above the screens: the testers' band, the officer and their card, lock, sign-out. */
final class SessionBar {

  private SessionBar() {}

  static VBox build(SessionBarViewModel model) {
    Label officer = new Label(model.officer());
    officer.setId("signed-in-officer");
    officer.getStyleClass().add("text-bold");
    Label card = new Label(model.card());
    card.setId("signed-in-card");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Button lock = new Button(Texts.get("session.lock"));
    lock.setId("lock");
    lock.setOnAction(event -> model.lock());
    Button signOut = new Button(Texts.get("session.sign-out"));
    signOut.setId("sign-out");
    signOut.disableProperty().bind(model.atHomeProperty().not());
    signOut.setOnAction(event -> model.signOut());
    // Reached by their mnemonics or the pointer: the Tab order and the first focus stay in the
    // screen below (the wizard's keys go to its page).
    lock.setFocusTraversable(false);
    signOut.setFocusTraversable(false);
    HBox row = new HBox(12, officer, card, spacer, lock, signOut);
    row.setAlignment(Pos.CENTER_LEFT);
    row.setPadding(new Insets(6, 16, 6, 16));
    VBox bar = new VBox(row);
    if (model.demonstrationBand()) {
      Label band = new Label(Texts.get("session.demo-band"));
      band.setId("demo-band");
      band.getStyleClass().add("demo-band");
      band.setMaxWidth(Double.MAX_VALUE);
      bar.getChildren().add(0, band);
    }
    return bar;
  }
}
