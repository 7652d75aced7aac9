package fr.aed.station.app.enrollment;

import fr.aed.station.crypto.Pem;
import fr.aed.station.token.KeyEvidence;
import fr.aed.station.token.ManagementKeyOutcome;

/**
 * What the record and the sheet say of the holder's card after the key step (French, as the rest of
 * the sheet): the token's evidence, that the holder chose the PIN, what the management key is.
 */
final class CardRecordWords {

  private CardRecordWords() {}

  /** The key's evidence followed by the card's PIN and management key, as recorded and printed. */
  static String evidence(KeyEvidence evidence, ManagementKeyOutcome managementKey) {
    return evidence.description()
        + " ; code PIN choisi par le titulaire pendant le rendez-vous"
        + managementKey(managementKey);
  }

  private static String managementKey(ManagementKeyOutcome outcome) {
    return switch (outcome) {
      case REPLACED_PIN_PROTECTED ->
          " ; clé d'administration du support : aléatoire, conservée par le support derrière le"
              + " code PIN du titulaire";
      case ALREADY_PERSONAL ->
          " ; clé d'administration du support : propre à ce support (fournie par l'autorité)";
      case KEPT_BY_CHOICE ->
          " ; clé d'administration du support : laissée telle quelle à la demande de l'autorité";
      case NOT_CHANGEABLE ->
          " ; clé d'administration du support : celle d'usine, le support ne permet pas de la"
              + " changer";
      case NOT_APPLICABLE -> "";
    };
  }

  /** The attestation chain in PEM (the key's certificate first), or empty when there is none. */
  static String attestationPem(KeyEvidence evidence) {
    return Pem.of(evidence.attestation().toArray());
  }
}
