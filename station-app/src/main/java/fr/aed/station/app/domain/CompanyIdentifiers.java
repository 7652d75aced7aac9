package fr.aed.station.app.domain;

import fr.aed.station.crypto.profile.SireneNumbers;

/** Checks of French company identifiers (SIREN, SIRET), after the SIRENE register's rules. */
public final class CompanyIdentifiers {

  private CompanyIdentifiers() {}

  /** A SIREN is 9 digits passing the Luhn check, and not all zeros. */
  public static boolean isValidSiren(String siren) {
    return SireneNumbers.isValidSiren(siren);
  }

  /** A SIRET is 14 digits passing the Luhn check, or La Poste's rule for its establishments. */
  public static boolean isValidSiret(String siret) {
    return SireneNumbers.isValidSiret(siret);
  }
}
