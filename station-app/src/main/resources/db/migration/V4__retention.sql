-- Retention (OVR-6.4.6-01): records are kept at least 7 years after the certificate stops being
-- valid. The day a meeting ended is kept beside it, set once when the status leaves OPEN, and the
-- day its personal data was erased once that time has passed. The journal is never touched.
ALTER TABLE intervention ADD COLUMN ended_at TEXT;
ALTER TABLE intervention ADD COLUMN purged_at TEXT;

-- Meetings that ended before this migration: their last update was their end.
UPDATE intervention SET ended_at = updated_at WHERE status <> 'OPEN';

CREATE TRIGGER intervention_ended AFTER UPDATE OF status ON intervention
WHEN OLD.status = 'OPEN' AND NEW.status <> 'OPEN' AND NEW.ended_at IS NULL
BEGIN
    UPDATE intervention SET ended_at = NEW.updated_at WHERE id = NEW.id;
END;
