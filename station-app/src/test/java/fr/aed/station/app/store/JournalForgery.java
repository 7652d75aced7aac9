package fr.aed.station.app.store;

import fr.aed.station.crypto.DeviceKey;
import fr.aed.station.crypto.journal.ChainedEntry;
import fr.aed.station.crypto.journal.JournalChain;
import fr.aed.station.crypto.journal.JournalEntry;
import fr.aed.station.crypto.journal.JournalSeal;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What an attacker with write access to the data folder can do to the journal without the officer's
 * card: drop the triggers, edit an entry, recompute the whole chain, and re-sign every seal with a
 * key and certificate of their own.
 */
public final class JournalForgery {

  private final Path database;

  public JournalForgery(Path database) {
    this.database = database;
  }

  private Connection open() throws Exception {
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
    try (Statement sql = connection.createStatement()) {
      for (String trigger :
          List.of(
              "journal_no_update",
              "journal_no_delete",
              "journal_seal_no_update",
              "journal_seal_no_delete")) {
        sql.execute("DROP TRIGGER IF EXISTS " + trigger);
      }
    }
    return connection;
  }

  /** Replaces the detail of entry {@code sequence}, then recomputes the chain from there. */
  public void editAndRechain(long sequence, String detail) throws Exception {
    try (Connection connection = open()) {
      editAndRechain(connection, sequence, detail);
    }
  }

  private static void editAndRechain(Connection connection, long sequence, String detail)
      throws Exception {
    {
      List<ChainedEntry> entries = entries(connection);
      String previous = JournalChain.GENESIS;
      try (PreparedStatement update =
          connection.prepareStatement(
              "UPDATE journal SET detail = ?, previous_hash = ?, hash = ? WHERE seq = ?")) {
        for (ChainedEntry chained : entries) {
          JournalEntry e = chained.entry();
          JournalEntry edited =
              e.sequence() == sequence
                  ? new JournalEntry(
                      e.sequence(), e.recordedAt(), e.intervention(), e.event(), detail)
                  : e;
          ChainedEntry rechained = JournalChain.append(previous, edited);
          update.setString(1, edited.detail());
          update.setString(2, rechained.previousHash());
          update.setString(3, rechained.hash());
          update.setLong(4, edited.sequence());
          update.executeUpdate();
          previous = rechained.hash();
        }
      }
    }
  }

  /**
   * Re-signs every seal over the current chain, at its recorded time, with this key; the journal's
   * record of each seal (its signature's digest) is rewritten to match and the chain recomputed
   * after it, as a careful forger would.
   */
  public void resealAll(DeviceKey key, X509Certificate certificate) throws Exception {
    try (Connection connection = open()) {
      List<Long> sequences = new ArrayList<>();
      List<String> times = new ArrayList<>();
      try (Statement sql = connection.createStatement();
          ResultSet rows =
              sql.executeQuery("SELECT sequence, sealed_at FROM journal_seal ORDER BY sequence")) {
        while (rows.next()) {
          sequences.add(rows.getLong(1));
          times.add(rows.getString(2));
        }
      }
      for (int i = 0; i < sequences.size(); i++) {
        long sequence = sequences.get(i);
        List<ChainedEntry> entries = entries(connection);
        JournalSeal seal =
            JournalSeal.seal(entries.get((int) sequence - 1), times.get(i), key, certificate);
        try (PreparedStatement update =
            connection.prepareStatement(
                "UPDATE journal_seal SET head_hash = ?, signature = ?, certificate = ?"
                    + " WHERE sequence = ?")) {
          update.setString(1, seal.headHash());
          update.setBytes(2, seal.signature());
          update.setBytes(3, seal.certificate());
          update.setLong(4, sequence);
          update.executeUpdate();
        }
        rewriteSealRecord(connection, entries, seal);
      }
    }
  }

  // The entry that journaled this seal now records the forged signature; the chain after it is
  // recomputed.
  private void rewriteSealRecord(
      Connection connection, List<ChainedEntry> entries, JournalSeal seal) throws Exception {
    for (ChainedEntry chained : entries) {
      JournalEntry e = chained.entry();
      if (e.event().equals(InterventionStore.SEALED)
          && e.detail().contains("\"sequence\":\"" + seal.sequence() + "\"")) {
        java.util.Map<String, String> detail =
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(
                    e.detail(),
                    new com.fasterxml.jackson.core.type.TypeReference<
                        java.util.Map<String, String>>() {});
        detail.put(
            "signatureSha256", fr.aed.station.crypto.Fingerprints.sha256Hex(seal.signature()));
        editAndRechain(connection, e.sequence(), JournalRows.canonical(detail));
        return;
      }
    }
  }

  /** The officer's certificate of the first seal, as the station recorded it. */
  public X509Certificate firstSealCertificate() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement sql = connection.createStatement();
        ResultSet row =
            sql.executeQuery("SELECT certificate FROM journal_seal ORDER BY sequence LIMIT 1")) {
      row.next();
      return (X509Certificate)
          java.security.cert.CertificateFactory.getInstance("X.509")
              .generateCertificate(new java.io.ByteArrayInputStream(row.getBytes(1)));
    }
  }

  private static List<ChainedEntry> entries(Connection connection) throws Exception {
    List<ChainedEntry> entries = new ArrayList<>();
    try (Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery("SELECT * FROM journal ORDER BY seq")) {
      while (rows.next()) {
        entries.add(JournalRows.entry(rows));
      }
    }
    return entries;
  }
}
