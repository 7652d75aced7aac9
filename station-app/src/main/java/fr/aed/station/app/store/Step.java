package fr.aed.station.app.store;

/** The steps of a meeting, in order; each one is committed with its journal event. */
public enum Step {
  DOSSIER_OPENED,
  CHECKS_RECORDED,
  TOKEN_IDENTIFIED,
  PIN_CHANGED,
  PIN_VERIFIED,
  KEY_GENERATED,
  REQUEST_BUILT,
  SHEET_PRODUCED,
  HOLDER_SIGNATURE_ATTACHED,
  SHEET_SIGNED,
  CLOSED,
  REFUSED,
  FAILED
}
