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
 * @param keyEvidence how the key is known to be on the token, once generated
 * @param csrPem the request, once built
 * @param sheetPath where the sheet was written, once produced
 * @param sheetSha256 SHA-256 of the sheet as last written (signed, once signed)
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
    String keyEvidence,
    String csrPem,
    String sheetPath,
    String sheetSha256) {

  /** Whether the meeting ended, closed or refused, and cannot be resumed. */
  public boolean ended() {
    return !status.equals("OPEN");
  }

  /** Whether the step was completed. */
  public boolean reached(Step wanted) {
    return step.ordinal() >= wanted.ordinal();
  }
}
