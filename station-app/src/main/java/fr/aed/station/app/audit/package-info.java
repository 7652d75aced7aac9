/**
 * The audit of a recorded meeting's identity proofing: the requirement map (EN 319 411-1 and TS 119
 * 461 requirements, as data, versioned), the evidence kinds that judge each requirement from the
 * meeting's journal, and the report that says, requirement by requirement, what was met, by what
 * evidence and when.
 */
package fr.aed.station.app.audit;
