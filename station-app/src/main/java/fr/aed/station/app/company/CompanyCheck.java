package fr.aed.station.app.company;

/**
 * One check made on the company's evidence, with its outcome.
 *
 * @param code what was checked, a stable machine code
 * @param passed whether the check passed
 * @param reason what was found, in French, as shown to the officer
 */
public record CompanyCheck(CompanyCheckCode code, boolean passed, String reason) {

  /** A check that passed. */
  public static CompanyCheck passed(CompanyCheckCode code, String reason) {
    return new CompanyCheck(code, true, reason);
  }

  /** A check that failed. */
  public static CompanyCheck failed(CompanyCheckCode code, String reason) {
    return new CompanyCheck(code, false, reason);
  }
}
