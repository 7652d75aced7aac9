package fr.aed.station.app.domain;

import fr.aed.station.crypto.profile.SireneNumbers;

/**
 * Checks of French company identifiers (SIREN, SIRET, intra-community VAT number), after the SIRENE
 * register's and the tax administration's rules. The SIRENE rules are shared with the request lint.
 */
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

  /**
   * The French intra-community VAT number of a company: {@code FR}, a two-digit key computed as (12
   * + 3 × (SIREN mod 97)) mod 97, then the SIREN.
   *
   * @throws IllegalArgumentException if the SIREN is not 9 digits
   */
  public static String vatNumber(String siren) {
    if (siren == null || !siren.matches("\\d{9}")) {
      throw new IllegalArgumentException("a SIREN is 9 digits: " + siren);
    }
    long key = (12 + 3 * (Long.parseLong(siren) % 97)) % 97;
    return "FR%02d%s".formatted(key, siren);
  }
}
