package fr.aed.station.app.company;

import java.util.List;

/**
 * The outcome of checking a company's evidence.
 *
 * @param checks every check made, in order, passed or not
 * @param siren the SIREN checked (given, or taken from the SIRET), spaces removed, or {@code null}
 * @param siret the SIRET checked, spaces removed, or {@code null}
 * @param expectedVatNumber the VAT number computed from a valid SIREN, or {@code null}
 */
public record CompanyVerdict(
    List<CompanyCheck> checks, String siren, String siret, String expectedVatNumber) {

  public CompanyVerdict {
    checks = List.copyOf(checks);
  }

  /** Whether the evidence is accepted: at least one check made and none failed. */
  public boolean accepted() {
    return !checks.isEmpty() && checks.stream().allMatch(CompanyCheck::passed);
  }

  /** The checks that failed, in order. */
  public List<CompanyCheck> failures() {
    return checks.stream().filter(c -> !c.passed()).toList();
  }
}
