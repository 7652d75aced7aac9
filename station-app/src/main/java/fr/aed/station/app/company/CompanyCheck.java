package fr.aed.station.app.company;

import fr.aed.station.app.text.Message;

/**
 * One check made on the company's evidence, with its outcome.
 *
 * @param code what was checked, a stable machine code
 * @param passed whether the check passed
 * @param message what was found, as a code of the catalogue and its arguments
 */
public record CompanyCheck(CompanyCheckCode code, boolean passed, Message message) {

  /** A check that passed, what was found said by the catalogue's {@code key}. */
  static CompanyCheck passed(CompanyCheckCode code, String key, Object... arguments) {
    return new CompanyCheck(code, true, Message.of(key, arguments));
  }

  /** A check that failed, what was found said by the catalogue's {@code key}. */
  static CompanyCheck failed(CompanyCheckCode code, String key, Object... arguments) {
    return new CompanyCheck(code, false, Message.of(key, arguments));
  }

  /** What was found, in French, the station's own language (the command line's default). */
  public String reason() {
    return message.inFrench();
  }
}
