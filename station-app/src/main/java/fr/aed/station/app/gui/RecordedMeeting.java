package fr.aed.station.app.gui;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.store.Step;
import fr.aed.station.token.KeyType;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An open meeting as recorded, for the wizard to take it up at its last step with the holder back.
 *
 * @param interventionId the intervention
 * @param enrollment the dossier and the checks, as recorded (the identity document sealed away)
 * @param step the last step completed
 * @param pinChosen whether the holder already replaced the card's PIN with their own
 * @param cardSerial the serial of the holder's card recorded, empty before it was identified
 * @param cardModel the model of that card, empty before it was identified
 * @param keyType the key type, once a key was generated
 * @param sheet the sheet produced and not yet signed by the officer, if any
 */
record RecordedMeeting(
    String interventionId,
    Enrollment enrollment,
    Step step,
    boolean pinChosen,
    String cardSerial,
    String cardModel,
    Optional<KeyType> keyType,
    Optional<Path> sheet) {

  /** Whether the request was built: the card is no longer needed to go on. */
  boolean requestBuilt() {
    return step.ordinal() >= Step.REQUEST_BUILT.ordinal();
  }

  /** Whether the sheet waits for the holder's and the officer's signatures. */
  boolean awaitingSignatures() {
    return sheet.isPresent() && step.ordinal() >= Step.SHEET_PRODUCED.ordinal();
  }

  /** Whether the holder's signature drawn on screen or scanned is already on the sheet. */
  boolean holderSigned() {
    return step.ordinal() >= Step.HOLDER_SIGNATURE_ATTACHED.ordinal();
  }
}
