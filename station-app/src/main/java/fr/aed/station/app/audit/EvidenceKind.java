package fr.aed.station.app.audit;

/**
 * The kinds of evidence the audit knows how to read from a recorded meeting; each requirement of
 * the map names one. Each kind is read at a stage of the meeting: a meeting that never reached that
 * stage (refused before, still open) leaves the requirement not applicable.
 */
public enum EvidenceKind {
  /** The document examined and the portrait compared in the holder's presence. */
  PHYSICAL_PRESENCE(Stage.CHECKS),
  /** Every part of the proofing recorded: examination, portrait, names, authority, consent. */
  PROOFING_COMPLETE(Stage.PROOFING),
  /** The holder's role and where their authority to represent the company comes from. */
  AUTHORITY(Stage.PROOFING),
  /** The company's registration extract: its reference and date. */
  COMPANY_REGISTRATION(Stage.PROOFING),
  /** The evidence kept: the identity sealed, the document, the company, the agreements. */
  RECORDED_EVIDENCE(Stage.CHECKS),
  /** The document's type and validity in the journal, its number sealed. */
  DOCUMENT_RECORDED(Stage.CHECKS),
  /** The rules found the officer and the holder to be different persons. */
  OFFICER_NOT_SUBJECT(Stage.CHECKS),
  /** The holder's information notice and its acceptance on the holder's screen. */
  CONSENT(Stage.PROOFING),
  /** The request form and terms of use signed, attested at the meeting. */
  FORMS_SIGNED(Stage.CHECKS),
  /** The document is a type of the catalogue. */
  DOCUMENT_ACCEPTED(Stage.PROOFING),
  /** The document's issuer, as the catalogue names it. */
  DOCUMENT_ISSUER(Stage.PROOFING),
  /** The document within its validity on the meeting day. */
  DOCUMENT_VALIDITY(Stage.CHECKS),
  /** The original seen, its security features found conforming. */
  ORIGINAL_DOCUMENT(Stage.CHECKS),
  /** The reference description consulted, the catalogue's procedure followed. */
  REFERENCE_MATERIAL(Stage.PROOFING),
  /** At least three features found conforming. */
  FEATURES_CHECKED(Stage.PROOFING),
  /** The features drawn at random by the station. */
  FEATURES_DRAWN(Stage.PROOFING),
  /** How each feature was examined: by sight, tilting, touch, with which tool. */
  FEATURE_TOOLS(Stage.PROOFING),
  /** The magnifier or ultraviolet lamp used for the drawn features that need one. */
  MAGNIFIER_UV(Stage.PROOFING),
  /** The names as printed: they agree, or the officer's written reason. */
  NAMES(Stage.PROOFING),
  /** The officer's last training and accreditation, less than a year old. */
  OFFICER_TRAINING(Stage.PROOFING),
  /** The portrait comparison's conclusion. */
  PORTRAIT_VERDICT(Stage.PROOFING),
  /** The facial features compared one by one. */
  PORTRAIT_FEATURES(Stage.PROOFING),
  /** The time the officer spent on the portrait. */
  PORTRAIT_TIME(Stage.PROOFING),
  /**
   * A delegation and the grantor's identity document; not applicable for a legal representative.
   */
  DELEGATION(Stage.PROOFING),
  /** The registration extract's age on the meeting day. */
  EXTRACT_FRESH(Stage.PROOFING),
  /** The signed sheet: where it is kept and its fingerprint. */
  SHEET_KEPT(Stage.END),
  /** The officer who accepted the application and signed the sheet, and their office. */
  OFFICER_IDENTIFIED(Stage.END),
  /** The journal seal over the meeting's last entry. */
  JOURNAL_SEALED(Stage.END),
  /** The meeting's outcome, closed or refused, in the journal. */
  PROOFING_RESULT(Stage.ANY),
  /** When the meeting ended. */
  COMPLETION_TIME(Stage.ANY),
  /** The journal's hash chain verified up to the meeting's last entry. */
  JOURNAL_VERIFIED(Stage.ANY),
  /** The identity document's number and MRZ sealed for the officer's card. */
  IDENTITY_SEALED(Stage.ANY),
  /** How long the records are kept, and their purge. */
  RETENTION(Stage.ANY);

  /** The stage of the meeting whose record this kind reads. */
  public enum Stage {
    /** The proofing traced with the checks, or with the refusal. */
    PROOFING,
    /** The checks recorded before the token is touched. */
    CHECKS,
    /** The signed sheet and the closed meeting. */
    END,
    /** Whatever the meeting's outcome. */
    ANY
  }

  private final Stage stage;

  EvidenceKind(Stage stage) {
    this.stage = stage;
  }

  /** The stage whose record this kind reads. */
  public Stage stage() {
    return stage;
  }
}
