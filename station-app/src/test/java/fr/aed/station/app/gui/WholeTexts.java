package fr.aed.station.app.gui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;

/**
 * Finds, from the layout as laid out, every text shown cut: a label, button or cell whose displayed
 * text is not its whole text (an ellipsis took its end), a wrapping one whose lines overflow it or
 * whose height is less than its lines need, one outside the window.
 */
final class WholeTexts {

  private static final double SLACK = 0.5;

  private WholeTexts() {}

  /** What is cut in the scene, one line each; empty when every text shown is whole. */
  static List<String> cut(Scene scene) {
    List<String> cut = new ArrayList<>();
    walk(scene.getRoot(), scene, false, cut);
    return cut;
  }

  private static void walk(Node node, Scene scene, boolean scrolled, List<String> cut) {
    if (!node.isVisible()) {
      return;
    }
    if (node instanceof Labeled labeled && labeled.getText() != null) {
      check(labeled, scene, scrolled, cut);
    }
    if (node instanceof Parent parent) {
      // Inside a scroll pane or a list, a text below the viewport is scrolled to, not cut.
      boolean inside = scrolled || node instanceof ScrollPane || node instanceof VirtualFlow;
      for (Node child : parent.getChildrenUnmodifiable()) {
        walk(child, scene, inside, cut);
      }
    }
  }

  private static void check(Labeled labeled, Scene scene, boolean scrolled, List<String> cut) {
    String whole =
        labeled.isMnemonicParsing() ? withoutMnemonic(labeled.getText()) : labeled.getText();
    if (whole.isBlank()) {
      return;
    }
    String name = describe(labeled);
    Text shown = shownText(labeled);
    if (shown == null || !whole.equals(shown.getText())) {
      cut.add(name + " shows \"" + (shown == null ? null : shown.getText()) + "\"");
      return;
    }
    if (labeled.isWrapText()) {
      if (shown.getLayoutBounds().getWidth() > labeled.getWidth() + SLACK) {
        cut.add(name + " does not wrap within its width " + labeled.getWidth());
      }
      double needed = labeled.prefHeight(labeled.getWidth());
      if (labeled.getHeight() + SLACK < needed) {
        cut.add(name + " is " + labeled.getHeight() + " high for lines " + needed + " high");
      }
    }
    Bounds bounds = labeled.localToScene(labeled.getLayoutBounds());
    boolean outside =
        bounds.getMinX() < -SLACK
            || bounds.getMaxX() > scene.getWidth() + SLACK
            || !scrolled
                && (bounds.getMinY() < -SLACK || bounds.getMaxY() > scene.getHeight() + SLACK);
    if (outside) {
      cut.add(name + " lies outside the window: " + bounds);
    }
  }

  // The skin's text node: what is displayed, with an ellipsis when the text did not fit.
  private static Text shownText(Labeled labeled) {
    return labeled.getChildrenUnmodifiable().stream()
        .filter(Text.class::isInstance)
        .map(Text.class::cast)
        .findFirst()
        .orElse(null);
  }

  // As a labeled shows a text with a mnemonic: the first "_" before a character is not shown.
  private static String withoutMnemonic(String text) {
    return text.replaceFirst("_(?=.)", "");
  }

  private static String describe(Labeled labeled) {
    String id = labeled.getId() == null ? "" : "#" + labeled.getId();
    return labeled.getClass().getSimpleName() + id + " \"" + labeled.getText() + "\"";
  }
}
