package fr.aed.station.app.identity;

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
  public String recordedReason() {
    return switch (this) {
      case MRZ_FORMAT -> "la bande MRZ n'a pas la forme d'un document connu.";
      case MRZ_CHARACTERS -> "la bande MRZ contient des caractères non admis.";
      case DOCUMENT_TYPE -> "le type de document ou l'État de délivrance n'est pas accepté.";
      case DOCUMENT_NUMBER_CHECK_DIGIT -> "le chiffre de contrôle du numéro est faux.";
      case BIRTH_DATE -> "la date de naissance de la bande MRZ est illisible.";
      case BIRTH_DATE_CHECK_DIGIT -> "le chiffre de contrôle de la date de naissance est faux.";
      case SEX -> "le sexe indiqué dans la bande MRZ est illisible.";
      case EXPIRY_DATE -> "la date de fin de validité de la bande MRZ est illisible.";
      case EXPIRY_DATE_CHECK_DIGIT -> "le chiffre de contrôle de la fin de validité est faux.";
      case ISSUE_DATE -> "la date de délivrance de la carte est illisible.";
      case OPTIONAL_DATA_CHECK_DIGIT -> "le chiffre de contrôle du numéro personnel est faux.";
      case COMPOSITE_CHECK_DIGIT -> "le chiffre de contrôle global est faux.";
      case VALIDITY -> "le document n'est pas valide le jour du rendez-vous.";
      case SURNAME -> "le nom de la bande MRZ n'est pas celui du titulaire.";
      case GIVEN_NAMES -> "les prénoms de la bande MRZ ne sont pas ceux du titulaire.";
      case HOLDER_BIRTH_DATE -> "la date de naissance de la bande MRZ n'est pas celle du dossier.";
    };
  }
}
