-- The officer's signature over the journal's head, made when an intervention closes.
CREATE TABLE journal_seal (
    sequence     INTEGER PRIMARY KEY,
    intervention TEXT NOT NULL,
    head_hash    TEXT NOT NULL,
    sealed_at    TEXT NOT NULL,
    signature    BLOB NOT NULL,
    certificate  BLOB NOT NULL
);

CREATE TRIGGER journal_seal_no_update BEFORE UPDATE ON journal_seal
BEGIN
    SELECT RAISE(ABORT, 'journal seals are append-only');
END;

CREATE TRIGGER journal_seal_no_delete BEFORE DELETE ON journal_seal
BEGIN
    SELECT RAISE(ABORT, 'journal seals are append-only');
END;
