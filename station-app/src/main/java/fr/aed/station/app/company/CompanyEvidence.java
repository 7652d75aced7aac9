package fr.aed.station.app.company;

import fr.aed.station.app.domain.Company;
import java.time.LocalDate;

/**
 * What the officer has about the company: identifiers as typed (spaces allowed), the register
 * extract's date and the name on it. Every part may be {@code null} when not at hand; only the
 * parts given are checked, and at least a SIREN or a SIRET is required.
 *
 * @param siren the SIREN, or {@code null}
 * @param siret the SIRET, or {@code null}
 * @param vatNumber the intra-community VAT number, or {@code null}
 * @param kbisDate the date of the register extract (Kbis), or {@code null}
 * @param nameOnKbis the company name read on the extract, or {@code null}
 * @param dossierName the company name in the dossier, or {@code null}
 */
public record CompanyEvidence(
    String siren,
    String siret,
    String vatNumber,
    LocalDate kbisDate,
    String nameOnKbis,
    String dossierName) {

  /** The evidence for a dossier's company, with what was read on the extract. */
  public static CompanyEvidence of(
      Company company, String vatNumber, LocalDate kbisDate, String nameOnKbis) {
    return new CompanyEvidence(
        company.siren(), company.siret(), vatNumber, kbisDate, nameOnKbis, company.name());
  }
}
