package fr.aed.station.crypto.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JournalChainTest {

  private static List<ChainedEntry> journalOf(int size) {
    List<ChainedEntry> entries = new ArrayList<>();
    String previous = JournalChain.GENESIS;
    for (int i = 1; i <= size; i++) {
      ChainedEntry chained =
          JournalChain.append(
              previous,
              new JournalEntry(i, "2026-11-24T10:00:0" + i + "Z", "INT-1", "EVENT_" + i, "{}"));
      entries.add(chained);
      previous = chained.hash();
    }
    return entries;
  }

  @Test
  void intactJournalHolds() {
    assertEquals(Optional.empty(), JournalChain.firstBrokenLink(journalOf(5)));
  }

  @Test
  void editedEntryIsFoundAtItsPlace() {
    List<ChainedEntry> entries = journalOf(5);
    ChainedEntry third = entries.get(2);
    JournalEntry e = third.entry();
    entries.set(
        2,
        new ChainedEntry(
            new JournalEntry(
                e.sequence(), e.recordedAt(), e.intervention(), e.event(), "{\"x\":1}"),
            third.previousHash(),
            third.hash()));

    BrokenLink broken = JournalChain.firstBrokenLink(entries).orElseThrow();
    assertEquals(3, broken.sequence());
    assertTrue(broken.reason().contains("altered"));
  }

  @Test
  void deletedEntryIsFound() {
    List<ChainedEntry> entries = journalOf(5);
    entries.remove(1);

    assertEquals(2, JournalChain.firstBrokenLink(entries).orElseThrow().sequence());
  }

  @Test
  void reorderedEntriesAreFound() {
    List<ChainedEntry> entries = journalOf(5);
    Collections.swap(entries, 2, 3);

    assertEquals(3, JournalChain.firstBrokenLink(entries).orElseThrow().sequence());
  }

  @Test
  void renumberedDeletionIsFoundByItsLink() {
    List<ChainedEntry> entries = journalOf(5);
    entries.remove(1);
    List<ChainedEntry> renumbered = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      ChainedEntry c = entries.get(i);
      JournalEntry e = c.entry();
      renumbered.add(
          new ChainedEntry(
              new JournalEntry(i + 1, e.recordedAt(), e.intervention(), e.event(), e.detail()),
              c.previousHash(),
              c.hash()));
    }

    BrokenLink broken = JournalChain.firstBrokenLink(renumbered).orElseThrow();
    assertEquals(2, broken.sequence());
  }
}
