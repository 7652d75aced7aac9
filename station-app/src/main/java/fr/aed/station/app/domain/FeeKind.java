package fr.aed.station.app.domain;

import java.math.BigDecimal;
import java.util.Optional;

/** The officer's fee for the meeting, excluding tax (the certificate authority's public grid). */
public enum FeeKind {
  AT_OFFICE("Rendez-vous à l'étude", new BigDecimal("50.00")),
  TRAVEL_WITHIN_30_KM("Déplacement dans un rayon de 30 km", new BigDecimal("170.00")),
  TRAVEL_BEYOND_30_KM("Déplacement au-delà de 30 km (sur devis)", null);

  private final String label;
  private final BigDecimal amountExclTax;

  FeeKind(String label, BigDecimal amountExclTax) {
    this.label = label;
    this.amountExclTax = amountExclTax;
  }

  public String label() {
    return label;
  }

  /** The fixed amount in euros excluding tax, empty when the fee is quoted. */
  public Optional<BigDecimal> amountExclTax() {
    return Optional.ofNullable(amountExclTax);
  }
}
