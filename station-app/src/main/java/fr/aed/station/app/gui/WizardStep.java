package fr.aed.station.app.gui;

/** The meeting wizard's steps, in order. */
public enum WizardStep {
  DOSSIER,
  IDENTITY,
  DOCUMENT,
  PORTRAIT,
  COMPANY,
  FEES,
  TOKEN,
  SHEET,
  RESULT;

  /** The step's number and title, in the language chosen. */
  public String title() {
    return (ordinal() + 1) + ". " + Texts.get("step." + name());
  }
}
