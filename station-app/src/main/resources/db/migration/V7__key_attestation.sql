-- The card's attestation of the holder's key (PIV cards that give one): the certificate the card
-- issued for the key, then its attestation key's certificate, in PEM; empty when the card has none.
ALTER TABLE intervention ADD COLUMN key_attestation TEXT;
