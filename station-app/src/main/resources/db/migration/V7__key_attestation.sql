-- The card's attestation of the holder's key (PIV cards that give one): the certificate the card
-- issued for the key, then its attestation key's certificate, in PEM; empty when the card has none.
ALTER TABLE intervention ADD COLUMN key_attestation TEXT;

-- When the holder replaced the card's PIN with their own in this meeting: never cleared, so that a
-- meeting resumed again (its step going back to the token's identification) still knows it.
ALTER TABLE intervention ADD COLUMN pin_chosen_at TEXT;
