package fr.aed.station.app.store;

import java.time.LocalDate;

/**
 * An ended meeting whose retention period is over: its personal data may be erased.
 *
 * @param id the intervention
 * @param status CLOSED, REFUSED or FAILED
 * @param keptUntil the last day its records had to be kept
 * @param sheetPath where its sheet was written, if anywhere
 */
public record PurgeCandidate(String id, String status, LocalDate keptUntil, String sheetPath) {}
