package fr.aed.station.app.audit;

import fr.aed.station.app.catalogue.LocalText;

/**
 * One requirement of the map.
 *
 * @param id its identifier in its standard, such as {@code VAL-8.3.3-07X}
 * @param standard the standard and version, such as {@code ETSI TS 119 461 V2}
 * @param clause the clause it belongs to
 * @param text what it asks, in the station's words, in French and English
 * @param evidence the kind of evidence that judges it
 */
public record Requirement(
    String id, String standard, String clause, LocalText text, EvidenceKind evidence) {}
