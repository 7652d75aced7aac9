package fr.aed.station.app.domain;

/**
 * Checks of French company identifiers (SIREN, SIRET, intra-community VAT number), after the SIRENE
 * register's and the tax administration's rules.
 */
public final class CompanyIdentifiers {

  private static final String LA_POSTE_SIREN = "356000000";
  private static final String LA_POSTE_HEAD_OFFICE = "35600000000048";

  private CompanyIdentifiers() {}

  /** A SIREN is 9 digits passing the Luhn check, and not all zeros. */
  public static boolean isValidSiren(String siren) {
    return siren != null
        && siren.matches("\\d{9}")
        && !siren.equals("000000000")
        && luhnValid(siren);
  }

  /**
   * A SIRET is 14 digits starting with a valid SIREN and passing the Luhn check; La Poste's
   * establishments instead have a digit sum that is a multiple of 5 (its head office passes Luhn).
   */
  public static boolean isValidSiret(String siret) {
    if (siret == null || !siret.matches("\\d{14}") || !isValidSiren(siret.substring(0, 9))) {
      return false;
    }
    if (siret.startsWith(LA_POSTE_SIREN) && !siret.equals(LA_POSTE_HEAD_OFFICE)) {
      return siret.chars().map(c -> c - '0').sum() % 5 == 0;
    }
    return luhnValid(siret);
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

  static boolean luhnValid(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }
}
