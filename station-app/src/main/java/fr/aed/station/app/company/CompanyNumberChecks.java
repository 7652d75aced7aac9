package fr.aed.station.app.company;

import fr.aed.station.app.domain.CompanyIdentifiers;

/** The reasons behind the SIREN, SIRET and VAT number rules of {@link CompanyIdentifiers}. */
final class CompanyNumberChecks {

  private static final String LA_POSTE_SIREN = "356000000";

  private CompanyNumberChecks() {}

  static CompanyCheck siren(String siren) {
    CompanyCheckCode code = CompanyCheckCode.SIREN;
    if (!siren.matches("\\d{9}")) {
      return CompanyCheck.failed(code, "company.siren.digits", siren);
    }
    if (siren.equals("000000000")) {
      return CompanyCheck.failed(code, "company.siren.zero");
    }
    if (!CompanyIdentifiers.isValidSiren(siren)) {
      return CompanyCheck.failed(code, "company.siren.key", siren);
    }
    return CompanyCheck.passed(code, "company.siren.valid", siren);
  }

  static CompanyCheck siret(String siret) {
    CompanyCheckCode code = CompanyCheckCode.SIRET;
    if (!siret.matches("\\d{14}")) {
      return CompanyCheck.failed(code, "company.siret.digits", siret);
    }
    if (!siren(siret.substring(0, 9)).passed()) {
      return CompanyCheck.failed(code, "company.siret.head", siret);
    }
    if (CompanyIdentifiers.isValidSiret(siret)) {
      return CompanyCheck.passed(code, "company.siret.valid", siret);
    }
    return siret.startsWith(LA_POSTE_SIREN)
        ? CompanyCheck.failed(code, "company.siret.la-poste", siret)
        : CompanyCheck.failed(code, "company.siret.key", siret);
  }

  static CompanyCheck siretOfSiren(String siret, String siren) {
    return siret.startsWith(siren)
        ? CompanyCheck.passed(
            CompanyCheckCode.SIRET_OF_SIREN, "company.siret-of-siren.yes", siret, siren)
        : CompanyCheck.failed(
            CompanyCheckCode.SIRET_OF_SIREN, "company.siret-of-siren.no", siret, siren);
  }

  static CompanyCheck vatNumber(String vat, String siren) {
    CompanyCheckCode code = CompanyCheckCode.VAT_NUMBER;
    if (!vat.matches("FR\\d{11}")) {
      return CompanyCheck.failed(code, "company.vat.layout", vat);
    }
    if (siren == null || !CompanyIdentifiers.isValidSiren(siren)) {
      return CompanyCheck.failed(code, "company.vat.no-siren", vat);
    }
    String expected = CompanyIdentifiers.vatNumber(siren);
    if (!vat.substring(4).equals(siren)) {
      return CompanyCheck.failed(code, "company.vat.other-siren", vat, siren, expected);
    }
    if (!vat.equals(expected)) {
      return CompanyCheck.failed(code, "company.vat.key", expected, vat);
    }
    return CompanyCheck.passed(code, "company.vat.valid", vat);
  }
}
