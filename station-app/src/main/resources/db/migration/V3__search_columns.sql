-- Names folded for search (upper case, no accents, hyphens and apostrophes as spaces), kept
-- beside the names as written, so that searching "lefevre" finds "Lefèvre-Dubois".
ALTER TABLE intervention ADD COLUMN holder_folded TEXT NOT NULL DEFAULT '';
ALTER TABLE intervention ADD COLUMN company_folded TEXT NOT NULL DEFAULT '';
CREATE INDEX intervention_status_started ON intervention (status, started_at);
