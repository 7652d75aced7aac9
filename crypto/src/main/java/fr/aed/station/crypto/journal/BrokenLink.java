package fr.aed.station.crypto.journal;

/**
 * The first place where a journal does not hold together.
 *
 * @param sequence the sequence number where the chain breaks
 * @param reason what is wrong there
 */
public record BrokenLink(long sequence, String reason) {}
