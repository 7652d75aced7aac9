package fr.aed.station.app.domain;

/**
 * The company the holder acts for.
 *
 * @param name registered name
 * @param legalForm legal form (SAS, SARL, SCP...)
 * @param siren 9-digit SIREN
 * @param siret 14-digit SIRET of the establishment
 * @param holderRole the holder's link to the company (Président, gérant, salarié mandaté...)
 */
public record Company(
    String name, String legalForm, String siren, String siret, String holderRole) {}
