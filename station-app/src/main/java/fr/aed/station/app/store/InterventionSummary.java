package fr.aed.station.app.store;

/**
 * An intervention as listed.
 *
 * @param id the intervention's identifier
 * @param dossierId the dossier's identifier
 * @param holderName the holder's name
 * @param companyName the company's name
 * @param status OPEN, CLOSED, REFUSED or FAILED
 * @param step the last step reached
 * @param startedAt when the meeting started, ISO-8601
 * @param csrSha256 the request's fingerprint, once built
 * @param sheetPath where the sheet was written, once produced
 */
public record InterventionSummary(
    String id,
    String dossierId,
    String holderName,
    String companyName,
    String status,
    String step,
    String startedAt,
    String csrSha256,
    String sheetPath) {}
