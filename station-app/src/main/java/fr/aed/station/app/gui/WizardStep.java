package fr.aed.station.app.gui;

/** The meeting wizard's steps, in order, with their French titles. */
public enum WizardStep {
  DOSSIER("1. Dossier et titulaire"),
  IDENTITY("2. Pièce d'identité"),
  COMPANY("3. Entreprise"),
  FEES("4. Frais"),
  TOKEN("5. Support et clé"),
  RESULT("6. Résultat");

  private final String title;

  WizardStep(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
