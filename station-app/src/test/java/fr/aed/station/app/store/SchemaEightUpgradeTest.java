package fr.aed.station.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database of an earlier version, upgraded: the reasons that quoted the identity document are
 * erased, and every record is covered by the journal from then on.
 */
class SchemaEightUpgradeTest {

  @TempDir Path dir;

  @Test
  void quotesAreErasedAndRecordsCovered() throws Exception {
    Path db = dir.resolve("station.db");
    Flyway.configure()
        .dataSource("jdbc:sqlite:" + db, null, null)
        .locations("classpath:db/migration")
        .target("7")
        .load()
        .migrate();
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement sql = raw.createStatement()) {
      for (String[] row :
          new String[][] {
            {"INT-20200101-00000001", "La pièce saisie (Carte d''identité n° X4RTBPFW5) diffère."},
            {"INT-20200101-00000002", "Pièce d''identité : nom MARTIN au lieu de LEFEVRE."},
            {"INT-20200101-00000003", "Le SIREN « 123 » n''est pas valide."}
          }) {
        sql.execute(
            "INSERT INTO intervention (id, dossier_id, holder_name, company_name, status, step,"
                + " started_at, updated_at, enrollment_json, outcome_reason) VALUES ('"
                + row[0]
                + "', 'D', 'H', 'C', 'REFUSED', 'REFUSED', '2020-01-01T00:00:00Z',"
                + " '2020-01-01T00:00:00Z', '{}', '"
                + row[1]
                + "')");
      }
    }

    try (InterventionStore store = InterventionStore.open(db)) {
      assertEquals(java.util.Optional.empty(), store.verifyJournal());
    }

    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement sql = raw.createStatement();
        ResultSet rows = sql.executeQuery("SELECT outcome_reason FROM intervention ORDER BY id")) {
      rows.next();
      assertTrue(rows.getString(1).startsWith("Motif effacé"), rows.getString(1));
      rows.next();
      assertTrue(rows.getString(1).startsWith("Motif effacé"), rows.getString(1));
      rows.next();
      assertEquals("Le SIREN « 123 » n'est pas valide.", rows.getString(1));
    }
  }
}
