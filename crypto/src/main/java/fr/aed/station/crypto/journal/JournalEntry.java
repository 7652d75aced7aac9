package fr.aed.station.crypto.journal;

/**
 * One event of the journal, as it is chained.
 *
 * @param sequence position in the journal, from 1, without gaps
 * @param recordedAt when the event was recorded, ISO-8601 instant
 * @param intervention the intervention the event belongs to
 * @param event the event's name, such as {@code KEY_GENERATED}
 * @param detail the event's detail, as canonical JSON text
 */
public record JournalEntry(
    long sequence, String recordedAt, String intervention, String event, String detail) {}
