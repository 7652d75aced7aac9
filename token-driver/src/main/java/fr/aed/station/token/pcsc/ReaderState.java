package fr.aed.station.token.pcsc;

/**
 * A reader as seen at one moment.
 *
 * @param name the reader's name, as the PC/SC service (or the simulator) gives it
 * @param cardPresent whether a card sits in the reader
 * @param atrHex the card's answer to reset in upper-case hex, or empty when there is no card or the
 *     card could not be read (held exclusively by another program, for instance)
 */
public record ReaderState(String name, boolean cardPresent, String atrHex) {}
