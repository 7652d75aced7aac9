package fr.aed.station.app.domain.proofing;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The officer's examination of the original document (TS 119 461 VAL-8.3.3): the features drawn at
 * random by the station and the officer's verdict on each.
 *
 * @param catalogueVersion the version of the catalogue that described the document
 * @param document the catalogue entry of the document examined
 * @param drawn the features the station drew, in the order drawn (more are drawn when some cannot
 *     be checked)
 * @param checks the officer's verdict on each feature examined
 * @param referenceConsulted the officer had the reference description (PRADO) at hand
 * @param examinedAt when the examination was completed
 */
public record DocumentExamination(
    String catalogueVersion,
    String document,
    List<String> drawn,
    List<FeatureCheck> checks,
    boolean referenceConsulted,
    LocalDateTime examinedAt) {

  public DocumentExamination {
    drawn = List.copyOf(drawn);
    checks = List.copyOf(checks);
  }

  /** How many features the officer found conforming. */
  public long conforming() {
    return checks.stream().filter(check -> check.verdict() == FeatureVerdict.CONFORMS).count();
  }
}
