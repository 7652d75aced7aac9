-- Each meeting's last journal entry is found at once: verification compares it with the row.
CREATE INDEX journal_intervention ON journal (intervention, seq);
