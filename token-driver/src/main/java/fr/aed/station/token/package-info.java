/**
 * The token contract used by the rest of the station: {@link fr.aed.station.token.Token} and the
 * failures a caller must handle. Backends live in sub-packages.
 */
package fr.aed.station.token;
