/**
 * The PC/SC transport, the driver's bottom floor: the card readers of the system's PC/SC service
 * (or of the in-process simulator), a card's {@link fr.aed.station.token.pcsc.PcscTransport} that
 * moves APDUs, and the service's failures. It knows no backend: the PIV backend ({@code token.piv})
 * sits on it, and an ArchUnit rule keeps it so.
 */
package fr.aed.station.token.pcsc;
