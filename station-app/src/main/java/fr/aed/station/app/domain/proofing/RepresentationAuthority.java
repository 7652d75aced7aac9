package fr.aed.station.app.domain.proofing;

/**
 * The holder's authority to represent the company (TS 119 461 BIN-8.4.5-01, -03, -04X). The role is
 * the dossier's, the extract's date the meeting record's, the delegation's words its mandate.
 *
 * @param source named on the extract, or delegated
 * @param extractReference the registration extract's reference (the register and its number, or the
 *     extract's management number)
 * @param grantorDocumentKept for a delegation: a copy of the legal representative's identity
 *     document is kept with it
 */
public record RepresentationAuthority(
    AuthoritySource source, String extractReference, boolean grantorDocumentKept) {}
