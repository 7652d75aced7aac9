/**
 * The PIV backend: {@link fr.aed.station.token.piv.PivSession} speaks the card's PIV commands over
 * any APDU transport, {@link fr.aed.station.token.piv.PivToken} is a PIV card as a station token,
 * and {@link fr.aed.station.token.piv.PivCards} opens one on a reader's PC/SC transport.
 */
package fr.aed.station.token.piv;
