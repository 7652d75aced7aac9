package fr.aed.station.token.pcsc;

/** The failures of a token the station explains to the officer, each in French and English. */
public enum TokenError {
  WRONG_PIN("Code PIN erroné : il reste %s essai(s).", "Wrong PIN: %s tries left."),
  PIN_BLOCKED(
      "Code PIN bloqué : plus aucun essai, débloquez-le avec le code PUK.",
      "PIN blocked: no try left, unblock it with the PUK."),
  CARD_REMOVED(
      "La carte a été retirée du lecteur pendant l'opération.",
      "The card was removed from the reader during the operation."),
  TOKEN_FULL(
      "La carte est pleine : elle n'a plus de place pour cette clé ou ce certificat.",
      "The token is full: no room left for this key or certificate."),
  ALGORITHM_UNSUPPORTED(
      "La carte ne sait pas générer ou utiliser ce type de clé.",
      "The token cannot generate or use this type of key."),
  MODULE_NOT_FOUND("Module PKCS#11 introuvable : %s.", "PKCS#11 module not found: %s."),
  LOGIN_REQUIRED(
      "Le code PIN doit être vérifié avant cette opération.",
      "The PIN must be verified before this operation."),
  NO_READER(
      "Aucun lecteur ne correspond à « %s » ; lecteurs présents : %s.",
      "No reader matches '%s'; readers present: %s."),
  NO_CARD("Aucune carte dans le lecteur %s.", "No card in reader %s."),
  SERVICE_DOWN("Le service PC/SC (pcscd) ne répond pas : %s.", "PC/SC service not running: %s."),
  SERVICE_LOST(
      "Le service PC/SC (pcscd) s'est arrêté pendant l'opération sur la carte du lecteur %s (%s)"
          + " : relancez-le, puis reprenez l'opération.",
      "The PC/SC service (pcscd) stopped during the operation on the card in %s (%s):"
          + " start it again, then take the operation up again."),
  OTHER("Erreur de la carte : %s", "Token error: %s");

  private final String french;
  private final String english;

  TokenError(String french, String english) {
    this.french = french;
    this.english = english;
  }

  /** The French template, with {@code %s} for each argument. */
  String french() {
    return french;
  }

  /** The English template, with {@code %s} for each argument. */
  String english() {
    return english;
  }
}
