package fr.aed.station.app.domain;

/**
 * The holder's dossier as ordered on the certificate authority's portal.
 *
 * @param id the dossier identifier given by the certificate authority
 * @param orderReference the order reference
 * @param product the ordered product, such as "Pack ID RGS**"
 * @param validityYears certificate validity: 1, 2 or 3 years
 * @param holder the future holder
 * @param company the company the holder acts for
 */
public record Dossier(
    String id,
    String orderReference,
    String product,
    int validityYears,
    Holder holder,
    Company company) {}
