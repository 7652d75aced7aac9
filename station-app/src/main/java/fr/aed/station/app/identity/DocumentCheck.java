package fr.aed.station.app.identity;

import fr.aed.station.app.text.Message;

/**
 * One check made on an identity document, with its outcome.
 *
 * @param code what was checked, a stable machine code
 * @param passed whether the check passed
 * @param message what was found, as a code of the catalogue and its arguments
 */
public record DocumentCheck(DocumentCheckCode code, boolean passed, Message message) {

  /** A check that passed, what was found said by the catalogue's {@code key}. */
  static DocumentCheck passed(DocumentCheckCode code, String key, Object... arguments) {
    return new DocumentCheck(code, true, Message.of(key, arguments));
  }

  /** A check that failed, what was found said by the catalogue's {@code key}. */
  static DocumentCheck failed(DocumentCheckCode code, String key, Object... arguments) {
    return new DocumentCheck(code, false, Message.of(key, arguments));
  }

  /** What was found, in French, the station's own language (the command line's default). */
  public String reason() {
    return message.inFrench();
  }
}
