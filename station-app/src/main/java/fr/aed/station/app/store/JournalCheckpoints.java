package fr.aed.station.app.store;

import fr.aed.station.crypto.journal.JournalCheckpoint;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The journal's checkpoints, on the database's side: what a new one states, and whether the
 * database still holds what an earlier one saw.
 */
public final class JournalCheckpoints {

  private final InterventionStore store;

  public JournalCheckpoints(InterventionStore store) {
    this.store = store;
  }

  /**
   * The checkpoint of the journal as it stands: its first entry, its head, the time.
   *
   * @throws StoreException if the journal is empty or cannot be read
   */
  public JournalCheckpoint current(Instant at) throws StoreException {
    Optional<String> first = hashAt(1);
    JournalHead head =
        JournalHead.of(store)
            .orElseThrow(
                () -> new StoreException("the journal is empty: there is nothing to checkpoint"));
    return new JournalCheckpoint(head.sequence(), head.hash(), first.orElseThrow(), at);
  }

  /**
   * Why the database does not hold what the checkpoint saw, or empty when it does: the same first
   * entry (the same station) and, at the checkpoint's sequence, the same head. The chain then
   * proves everything before it unchanged.
   *
   * @throws StoreException if the database cannot be read
   */
  public Optional<String> missing(JournalCheckpoint checkpoint) throws StoreException {
    Optional<String> first = hashAt(1);
    if (first.isEmpty()) {
      return Optional.of(
          "the journal is empty, and the checkpoint of "
              + checkpoint.createdAt()
              + " saw "
              + checkpoint.sequence()
              + " entries: the database was deleted or replaced");
    }
    if (!first.get().equals(checkpoint.firstHash())) {
      return Optional.of(
          "the checkpoint is of another journal (its first entry differs): another station's, or"
              + " this database was replaced");
    }
    Optional<String> head = hashAt(checkpoint.sequence());
    if (head.isEmpty()) {
      long entries = JournalHead.of(store).map(JournalHead::sequence).orElse(0L);
      return Optional.of(
          "the journal ends at entry "
              + entries
              + ", and the checkpoint of "
              + checkpoint.createdAt()
              + " saw "
              + checkpoint.sequence()
              + ": the last entries were removed, or the database was rolled back");
    }
    if (!head.get().equals(checkpoint.headHash())) {
      return Optional.of(
          "entry "
              + checkpoint.sequence()
              + " is not the one the checkpoint of "
              + checkpoint.createdAt()
              + " saw: the journal was rewritten since");
    }
    return Optional.empty();
  }

  private Optional<String> hashAt(long sequence) throws StoreException {
    try (PreparedStatement select =
        store.connection().prepareStatement("SELECT hash FROM journal WHERE seq = ?")) {
      select.setLong(1, sequence);
      try (ResultSet row = select.executeQuery()) {
        Optional<String> hash = row.next() ? Optional.of(row.getString(1)) : Optional.empty();
        store.connection().commit();
        return hash;
      }
    } catch (SQLException e) {
      throw StoreErrors.translate(store.file(), e);
    }
  }
}
