package fr.aed.station.crypto.journal;

/**
 * A journal entry with its links, as stored.
 *
 * @param entry the event
 * @param previousHash the hash of the entry before it, or {@link JournalChain#GENESIS}
 * @param hash this entry's hash
 */
public record ChainedEntry(JournalEntry entry, String previousHash, String hash) {}
