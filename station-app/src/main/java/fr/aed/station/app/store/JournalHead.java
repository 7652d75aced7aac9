package fr.aed.station.app.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The journal's last entry: quoting it in a document ties the document to the journal as it stood.
 *
 * @param sequence the last entry's sequence number
 * @param hash the last entry's hash
 */
public record JournalHead(long sequence, String hash) {

  /**
   * The head of the store's journal, empty when the journal is empty.
   *
   * @throws StoreException if the database cannot be read
   */
  public static Optional<JournalHead> of(InterventionStore store) throws StoreException {
    try (PreparedStatement select =
            store
                .connection()
                .prepareStatement("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1");
        ResultSet row = select.executeQuery()) {
      Optional<JournalHead> head =
          row.next()
              ? Optional.of(new JournalHead(row.getLong(1), row.getString(2)))
              : Optional.empty();
      store.connection().commit();
      return head;
    } catch (SQLException e) {
      throw StoreErrors.translate(store.file(), e);
    }
  }
}
