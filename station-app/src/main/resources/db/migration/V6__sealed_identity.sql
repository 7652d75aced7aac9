-- Identity document numbers and MRZs are kept only sealed for the officer's card (a CMS
-- AuthEnvelopedData, AES-256-GCM, data key wrapped RSA-OAEP for the officer's key-management
-- certificate): enrollment_json keeps the rest of the record with those two fields emptied.
ALTER TABLE intervention ADD COLUMN identity_sealed BLOB;
ALTER TABLE intervention ADD COLUMN identity_recipient TEXT;

-- The officers' key-management certificates the station seals for; the latest one is used for
-- new meetings, the older ones name the card that opens older records.
CREATE TABLE officer_key (
    fingerprint   TEXT PRIMARY KEY,
    subject       TEXT NOT NULL,
    certificate   BLOB NOT NULL,
    registered_at TEXT NOT NULL
);

-- The officer who uses the station: filled in at first run, shown on the sheets.
CREATE TABLE officer_profile (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    name           TEXT NOT NULL,
    office         TEXT NOT NULL,
    address        TEXT NOT NULL,
    aed_identifier TEXT NOT NULL,
    credential     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
