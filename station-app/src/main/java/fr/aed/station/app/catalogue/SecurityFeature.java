package fr.aed.station.app.catalogue;

import fr.aed.station.app.domain.proofing.ExaminationTool;

/**
 * One security feature of a document type, as the catalogue describes it.
 *
 * @param id its identifier in the catalogue, recorded with the officer's verdict
 * @param name its name
 * @param lookFor what the officer looks for on a genuine document
 * @param tool how it is examined
 */
public record SecurityFeature(String id, LocalText name, LocalText lookFor, ExaminationTool tool) {}
