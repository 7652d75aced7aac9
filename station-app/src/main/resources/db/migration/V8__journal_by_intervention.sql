-- Each meeting's last journal entry is found at once: verification compares it with the row.
CREATE INDEX journal_intervention ON journal (intervention, seq);

-- Refusals recorded by earlier versions quoted the identity document (its number, the names and
-- dates of its zone); the reason is now recorded naming the failed check only. Those quotes are
-- erased from the records; the journal's own entries, chained, keep what they said.
UPDATE intervention
SET outcome_reason = 'Motif effacé à la mise à jour de la station : il citait la pièce d''identité.'
WHERE outcome_reason LIKE '%Pièce d''identité :%' OR outcome_reason LIKE '%La pièce saisie (%';
