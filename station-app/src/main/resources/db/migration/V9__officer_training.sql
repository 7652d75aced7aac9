-- The officer's last training on documents, fraud and data protection, and the certificate
-- authority's accreditation reference (TS 119 461 VAL-8.3.3-14X, -15X): a meeting is refused when
-- the training is more than a year old. Officers recorded before have neither: they register again.
ALTER TABLE officer_profile ADD COLUMN trained_on TEXT;
ALTER TABLE officer_profile ADD COLUMN accreditation TEXT;
