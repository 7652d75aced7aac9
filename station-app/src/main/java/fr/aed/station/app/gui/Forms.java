package fr.aed.station.app.gui;

import atlantafx.base.theme.Styles;
import fr.aed.station.app.text.VisibleText;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Small builders the wizard's pages share: labelled fields and check lists. */
final class Forms {

  private static final String PASSED = "check-passed";
  private static final String REFUSED = "check-refused";
  private static final String PENDING = "check-pending";

  private Forms() {}

  /** A label whose mnemonic (after "_") moves the focus to the field. */
  static Label labelFor(String text, Node field) {
    Label label = new Label(text);
    label.setMnemonicParsing(true);
    label.setLabelFor(field);
    return label;
  }

  /** Adds a row to a two-column grid. */
  static void row(GridPane grid, String label, Node value) {
    int row = grid.getRowCount();
    Label name = value instanceof Control ? labelFor(label, value) : new Label(label);
    grid.addRow(row, name, value);
  }

  /** A read-only value. */
  static Label value(String text) {
    // Dossier text: shown escaped, so that no control or bidi character reorders the page.
    Label value = new Label(text == null ? "" : VisibleText.of(text));
    value.setWrapText(true);
    return value;
  }

  /**
   * The list of checks, each green when it passed, red with its reason when refused, neutral while
   * still to confirm; long reasons wrap.
   */
  static ListView<CheckLine> checkList(String id, ObservableList<CheckLine> lines) {
    ListView<CheckLine> list = new ListView<>(lines);
    list.setId(id);
    list.setFocusTraversable(false);
    list.setPrefHeight(200);
    list.getStyleClass().add(Styles.DENSE);
    VBox.setVgrow(list, Priority.ALWAYS);
    list.setCellFactory(
        view ->
            new ListCell<>() {
              @Override
              protected void updateItem(CheckLine line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll(PASSED, REFUSED, PENDING);
                setText(empty || line == null ? null : line.text());
                if (!empty && line != null) {
                  getStyleClass().add(line.pending() ? PENDING : line.passed() ? PASSED : REFUSED);
                }
              }

              {
                wrapInList(this);
              }
            });
    return list;
  }

  /** Lets a list's cell wrap its text to the list's width instead of cutting it. */
  static void wrapInList(ListCell<?> cell) {
    cell.setWrapText(true);
    // A cell as wide as its text would widen the list instead of wrapping.
    cell.setPrefWidth(0);
    // The theme gives cells one line's height; at JavaFX's default size (24px) a cell is as high
    // as its lines instead.
    cell.setStyle("-fx-cell-size: 24px;");
  }

  /**
   * Lets every label and button under {@code parent} wrap its text within the width it is given,
   * and keep the height its lines need.
   */
  static void wrapTexts(Parent parent) {
    for (Node node : parent.getChildrenUnmodifiable()) {
      if (node instanceof Labeled labeled) {
        labeled.setWrapText(true);
        labeled.setMinHeight(Region.USE_PREF_SIZE);
      } else if (node instanceof Pane pane) {
        wrapTexts(pane);
      }
    }
  }

  /** A list of texts whose long lines wrap. */
  static <T> void wrapCells(ListView<T> list) {
    list.setCellFactory(
        view ->
            new ListCell<>() {
              {
                wrapInList(this);
              }

              @Override
              protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.toString());
              }
            });
  }

  /**
   * Lets Tab leave a text area, as in every other field, instead of typing a tab character: the MRZ
   * never contains one.
   */
  static void tabLeaves(TextArea area) {
    area.addEventFilter(
        KeyEvent.KEY_PRESSED,
        event -> {
          if (event.getCode() == KeyCode.TAB && !event.isControlDown()) {
            event.consume();
            area.fireEvent(
                new KeyEvent(
                    event.getSource(),
                    event.getTarget(),
                    event.getEventType(),
                    event.getCharacter(),
                    event.getText(),
                    event.getCode(),
                    event.isShiftDown(),
                    true,
                    event.isAltDown(),
                    event.isMetaDown()));
          }
        });
  }

  /** A grid of label and value columns. */
  static GridPane grid() {
    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(6);
    return grid;
  }
}
