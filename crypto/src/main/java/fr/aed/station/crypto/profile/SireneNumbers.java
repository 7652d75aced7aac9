package fr.aed.station.crypto.profile;

/** Checks of the SIRENE register's numbers (SIREN, SIRET), shared by the lint and the station. */
public final class SireneNumbers {

  private static final String LA_POSTE_SIREN = "356000000";
  private static final String LA_POSTE_HEAD_OFFICE = "35600000000048";

  private SireneNumbers() {}

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

  /** The Luhn check over a string of digits. */
  public static boolean luhnValid(String digits) {
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
