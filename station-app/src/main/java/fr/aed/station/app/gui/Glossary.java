package fr.aed.station.app.gui;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * The few terms an officer or a holder meets and may not know (the certificate request, the card,
 * the PIN, the PUK), explained in a tooltip where they appear, in the window's language.
 */
final class Glossary {

  /** The terms explained, each with its {@code glossary.*} text in the bundles. */
  enum Term {
    REQUEST,
    CARD,
    PIN,
    PUK;

    String key() {
      return "glossary." + name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private Glossary() {}

  /** Explains {@code term} in a tooltip on {@code control}, and gives {@code control} back. */
  static <T extends Control> T explain(T control, Term term) {
    Tooltip tip = new Tooltip(Texts.get(term.key()));
    tip.setWrapText(true);
    tip.setMaxWidth(420);
    tip.setShowDelay(Duration.millis(300));
    control.setTooltip(tip);
    return control;
  }
}
