package fr.aed.station.app.company;

/** Stable machine codes of the checks made on the company's evidence. */
public enum CompanyCheckCode {
  /** 9 digits, Luhn key, not 000000000. */
  SIREN,
  /** 14 digits, Luhn key (La Poste: digit sum multiple of 5). */
  SIRET,
  /** The SIRET is an establishment of the SIREN given. */
  SIRET_OF_SIREN,
  /** {@code FR}, the key computed from the SIREN, the SIREN. */
  VAT_NUMBER,
  /** The register extract is less than 3 months old on the meeting day. */
  KBIS_DATE,
  /** The name on the register extract is the dossier's. */
  COMPANY_NAME
}
