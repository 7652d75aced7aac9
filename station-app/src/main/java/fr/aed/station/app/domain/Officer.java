package fr.aed.station.app.domain;

/**
 * The registration officer (opérateur d'AED) who meets the holder.
 *
 * @param name full name
 * @param office the office (étude) name
 * @param address the office's postal address
 * @param aedIdentifier the identifier given by the certificate authority to the officer
 */
public record Officer(String name, String office, String address, String aedIdentifier) {}
