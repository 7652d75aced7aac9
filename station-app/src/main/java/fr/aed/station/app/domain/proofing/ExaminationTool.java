package fr.aed.station.app.domain.proofing;

/** How the officer examines a security feature (VAL-8.3.3-08, -16). */
public enum ExaminationTool {
  /** Looked at in daylight or under the desk lamp. */
  NAKED_EYE,
  /** Looked at while tilting the document. */
  TILTING,
  /** Felt with the fingertips. */
  TOUCH,
  /** Looked at through a magnifier. */
  MAGNIFIER,
  /** Looked at under an ultraviolet lamp. */
  UV_LAMP,
  /** Looked at against the light. */
  TRANSMITTED_LIGHT
}
