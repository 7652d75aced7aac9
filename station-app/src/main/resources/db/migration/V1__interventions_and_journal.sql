-- One row per face-to-face meeting; the step column says where it stands, so that an
-- interrupted meeting resumes where it stopped.
CREATE TABLE intervention (
    id                TEXT PRIMARY KEY,
    dossier_id        TEXT NOT NULL,
    holder_name       TEXT NOT NULL,
    company_name      TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('OPEN', 'CLOSED', 'REFUSED', 'FAILED')),
    step              TEXT NOT NULL,
    started_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    enrollment_json   TEXT NOT NULL,
    token_backend     TEXT,
    token_model       TEXT,
    token_serial      TEXT,
    key_algorithm     TEXT,
    key_evidence      TEXT,
    public_key_sha256 TEXT,
    csr_sha256        TEXT,
    csr_pem           TEXT,
    sheet_path        TEXT,
    sheet_sha256      TEXT,
    outcome_reason    TEXT
);

CREATE INDEX intervention_dossier ON intervention (dossier_id);
CREATE INDEX intervention_started ON intervention (started_at);

-- Append-only, hash-chained: each row's hash covers the previous row's hash and its own fields.
CREATE TABLE journal (
    seq           INTEGER PRIMARY KEY,
    recorded_at   TEXT NOT NULL,
    intervention  TEXT NOT NULL,
    event         TEXT NOT NULL,
    detail        TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash          TEXT NOT NULL
);

CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN
    SELECT RAISE(ABORT, 'the journal is append-only');
END;

CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN
    SELECT RAISE(ABORT, 'the journal is append-only');
END;
