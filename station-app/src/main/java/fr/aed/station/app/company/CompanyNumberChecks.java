package fr.aed.station.app.company;

import fr.aed.station.app.domain.CompanyIdentifiers;

/** The reasons behind the SIREN, SIRET and VAT number rules of {@link CompanyIdentifiers}. */
final class CompanyNumberChecks {

  private static final String LA_POSTE_SIREN = "356000000";

  private CompanyNumberChecks() {}

  static CompanyCheck siren(String siren) {
    CompanyCheckCode code = CompanyCheckCode.SIREN;
    if (!siren.matches("\\d{9}")) {
      return CompanyCheck.failed(code, "SIREN « %s » : 9 chiffres attendus.".formatted(siren));
    }
    if (siren.equals("000000000")) {
      return CompanyCheck.failed(code, "SIREN 000000000 : ce numéro n'est jamais attribué.");
    }
    if (!CompanyIdentifiers.isValidSiren(siren)) {
      return CompanyCheck.failed(
          code, "SIREN %s : la clé de contrôle (Luhn) est fausse.".formatted(siren));
    }
    return CompanyCheck.passed(code, "SIREN %s valide.".formatted(siren));
  }

  static CompanyCheck siret(String siret) {
    CompanyCheckCode code = CompanyCheckCode.SIRET;
    if (!siret.matches("\\d{14}")) {
      return CompanyCheck.failed(code, "SIRET « %s » : 14 chiffres attendus.".formatted(siret));
    }
    if (!siren(siret.substring(0, 9)).passed()) {
      return CompanyCheck.failed(
          code, "SIRET %s : ses 9 premiers chiffres ne sont pas un SIREN valide.".formatted(siret));
    }
    if (CompanyIdentifiers.isValidSiret(siret)) {
      return CompanyCheck.passed(code, "SIRET %s valide.".formatted(siret));
    }
    String rule =
        siret.startsWith(LA_POSTE_SIREN)
            ? "établissement de La Poste, la somme des chiffres doit être un multiple de 5"
            : "la clé de contrôle (Luhn) est fausse";
    return CompanyCheck.failed(code, "SIRET %s : %s.".formatted(siret, rule));
  }

  static CompanyCheck siretOfSiren(String siret, String siren) {
    return siret.startsWith(siren)
        ? CompanyCheck.passed(
            CompanyCheckCode.SIRET_OF_SIREN,
            "Le SIRET %s est un établissement du SIREN %s.".formatted(siret, siren))
        : CompanyCheck.failed(
            CompanyCheckCode.SIRET_OF_SIREN,
            "Le SIRET %s n'est pas un établissement du SIREN %s.".formatted(siret, siren));
  }

  static CompanyCheck vatNumber(String vat, String siren) {
    CompanyCheckCode code = CompanyCheckCode.VAT_NUMBER;
    if (!vat.matches("FR\\d{11}")) {
      return CompanyCheck.failed(
          code,
          "Numéro de TVA « %s » : FR suivi de 2 chiffres de clé et des 9 chiffres du SIREN attendu."
              .formatted(vat));
    }
    if (siren == null || !CompanyIdentifiers.isValidSiren(siren)) {
      return CompanyCheck.failed(
          code, "Numéro de TVA %s non vérifiable sans SIREN valide.".formatted(vat));
    }
    String expected = CompanyIdentifiers.vatNumber(siren);
    if (!vat.substring(4).equals(siren)) {
      return CompanyCheck.failed(
          code,
          "Numéro de TVA %s : il ne porte pas le SIREN %s (%s attendu)."
              .formatted(vat, siren, expected));
    }
    if (!vat.equals(expected)) {
      return CompanyCheck.failed(
          code, "Clé du numéro de TVA incorrecte : %s attendu, %s lu.".formatted(expected, vat));
    }
    return CompanyCheck.passed(code, "Numéro de TVA %s conforme au SIREN.".formatted(vat));
  }
}
