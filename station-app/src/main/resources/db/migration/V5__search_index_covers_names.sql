-- Searching a name fragment cannot use an index to find the matches (LIKE '%...%'), so SQLite
-- walks the meetings from the most recent. Through intervention_started it read each whole row
-- (the enrollment and the request make rows of several kB) only to test the folded names: with a
-- large history, a fragment that matches little scanned the whole table. This index carries the
-- folded names and the status beside the day, so the walk tests them in the index and reads only
-- the rows that match. It replaces intervention_started, whose order it keeps.
CREATE INDEX intervention_started_names
    ON intervention (started_at, holder_folded, company_folded, status);
DROP INDEX intervention_started;
