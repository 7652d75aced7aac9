package fr.aed.station.app.identity;

/**
 * One check made on an identity document, with its outcome.
 *
 * @param code what was checked, a stable machine code
 * @param passed whether the check passed
 * @param reason what was found, in French, as shown to the officer
 */
public record DocumentCheck(DocumentCheckCode code, boolean passed, String reason) {

  /** A check that passed. */
  public static DocumentCheck passed(DocumentCheckCode code, String reason) {
    return new DocumentCheck(code, true, reason);
  }

  /** A check that failed. */
  public static DocumentCheck failed(DocumentCheckCode code, String reason) {
    return new DocumentCheck(code, false, reason);
  }
}
