package fr.aed.station.app.identity;

import fr.aed.station.app.text.Message;
import java.util.Locale;

/** Stable machine codes of the checks made on an identity document's machine-readable zone. */
public enum DocumentCheckCode {
  /** Number of lines and line lengths match a known layout. */
  MRZ_FORMAT,
  /** Only {@code 0-9 A-Z <} once surrounding whitespace is removed and letters upper-cased. */
  MRZ_CHARACTERS,
  /** Document code and issuing state are of an accepted document. */
  DOCUMENT_TYPE,
  DOCUMENT_NUMBER_CHECK_DIGIT,
  BIRTH_DATE,
  BIRTH_DATE_CHECK_DIGIT,
  SEX,
  EXPIRY_DATE,
  EXPIRY_DATE_CHECK_DIGIT,
  /** The legacy ID card's issue year and month. */
  ISSUE_DATE,
  /** The passport's personal number (optional data) check digit. */
  OPTIONAL_DATA_CHECK_DIGIT,
  COMPOSITE_CHECK_DIGIT,
  /** The document is valid on the meeting day. */
  VALIDITY,
  /** The surname matches the dossier's holder. */
  SURNAME,
  /** The given names match the dossier's holder. */
  GIVEN_NAMES,
  /** The date of birth read matches the dossier's holder. */
  HOLDER_BIRTH_DATE;

  /**
   * The failed check as the record says it: which check failed, never what was read (the values
   * stay in the sealed identity).
   */
  public Message recorded() {
    return Message.of("mrz.recorded." + name().toLowerCase(Locale.ROOT).replace('_', '-'));
  }
}
