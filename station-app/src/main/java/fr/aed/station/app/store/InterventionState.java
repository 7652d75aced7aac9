package fr.aed.station.app.store;

/**
 * Where a recorded meeting stands, with what its finished steps produced: enough to resume it.
 *
 * @param id the intervention
 * @param status OPEN, CLOSED, REFUSED or FAILED
 * @param step the last step completed
 * @param enrollmentJson the dossier and meeting record, as recorded
 * @param tokenBackend the token's backend, once identified
 * @param tokenModel the token's model, once identified
 * @param tokenSerial the token's serial, once identified
 * @param keyAlgorithm the key type, once generated
 * @param pinChosenAt when the holder replaced the card's PIN with their own in this meeting, or
 *     null (empty once a new card replaced the one it was chosen on)
 * @param keyEvidence how the key is known to be on the token, once generated
 * @param keyAttestation the card's attestation of the key in PEM (empty or null when none)
 * @param csrPem the request, once built
 * @param sheetPath where the sheet was written, once produced
 * @param sheetSha256 SHA-256 of the sheet as last written (signed, once signed)
 * @param identitySealed the identity document's number and MRZ, sealed for the officer's card (null
 *     for a record purged or kept from before sealing)
 * @param identityRecipient SHA-256 of the key-management certificate they are sealed for
 */
public record InterventionState(
    String id,
    String status,
    Step step,
    String enrollmentJson,
    String tokenBackend,
    String tokenModel,
    String tokenSerial,
    String keyAlgorithm,
    String pinChosenAt,
    String keyEvidence,
    String keyAttestation,
    String csrPem,
    String sheetPath,
    String sheetSha256,
    byte[] identitySealed,
    String identityRecipient) {

  /** Whether the meeting ended, closed or refused, and cannot be resumed. */
  public boolean ended() {
    return !status.equals("OPEN");
  }

  /** Whether the identity document's number and MRZ are sealed, to be opened by the officer. */
  public boolean identityIsSealed() {
    return identitySealed != null;
  }

  /**
   * Whether the holder chose the card's PIN in this meeting (however often it was resumed since).
   */
  public boolean pinChosen() {
    return pinChosenAt != null && !pinChosenAt.isEmpty();
  }

  /** Whether the step was completed. */
  public boolean reached(Step wanted) {
    return step.ordinal() >= wanted.ordinal();
  }
}
