package fr.aed.station.app.domain;

import java.time.LocalDate;

/**
 * The identity document presented by the holder at the meeting (REG-6.2.2-18: type, number and
 * validity limit are recorded).
 *
 * @param type the kind of document
 * @param number the document number
 * @param issuingState issuing state, ISO 3166 alpha-3 (FRA)
 * @param expiryDate the end of validity, computed for documents that print none
 */
public record IdentityDocument(
    IdentityDocumentType type, String number, String issuingState, LocalDate expiryDate) {}
