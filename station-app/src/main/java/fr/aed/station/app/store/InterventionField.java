package fr.aed.station.app.store;

/** The columns of an intervention that a step may fill in. */
public enum InterventionField {
  TOKEN_BACKEND("token_backend"),
  TOKEN_MODEL("token_model"),
  TOKEN_SERIAL("token_serial"),
  KEY_ALGORITHM("key_algorithm"),
  PIN_CHOSEN_AT("pin_chosen_at"),
  KEY_EVIDENCE("key_evidence"),
  KEY_ATTESTATION("key_attestation"),
  PUBLIC_KEY_SHA256("public_key_sha256"),
  CSR_SHA256("csr_sha256"),
  CSR_PEM("csr_pem"),
  SHEET_PATH("sheet_path"),
  SHEET_SHA256("sheet_sha256"),
  OUTCOME_REASON("outcome_reason");

  private final String column;

  InterventionField(String column) {
    this.column = column;
  }

  String column() {
    return column;
  }
}
