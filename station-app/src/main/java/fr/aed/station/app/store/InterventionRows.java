package fr.aed.station.app.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The intervention table's rows: read into records, and moved to a step. */
final class InterventionRows {

  private InterventionRows() {}

  static InterventionSummary summary(ResultSet row) throws SQLException {
    return new InterventionSummary(
        row.getString("id"),
        row.getString("dossier_id"),
        row.getString("holder_name"),
        row.getString("company_name"),
        row.getString("status"),
        row.getString("step"),
        row.getString("started_at"),
        row.getString("csr_sha256"),
        row.getString("sheet_path"));
  }

  static InterventionState state(ResultSet row) throws SQLException {
    return new InterventionState(
        row.getString("id"),
        row.getString("status"),
        Step.valueOf(row.getString("step")),
        row.getString("enrollment_json"),
        row.getString("token_backend"),
        row.getString("token_model"),
        row.getString("token_serial"),
        row.getString("key_algorithm"),
        row.getString("pin_chosen_at"),
        row.getString("key_evidence"),
        row.getString("key_attestation"),
        row.getString("csr_pem"),
        row.getString("sheet_path"),
        row.getString("sheet_sha256"),
        row.getBytes("identity_sealed"),
        row.getString("identity_recipient"));
  }

  static void update(Connection connection, String id, StepRecord step, Instant at)
      throws SQLException {
    StringBuilder sql = new StringBuilder("UPDATE intervention SET step = ?, status = ?");
    List<String> values = new ArrayList<>(List.of(step.step().name(), statusAfter(step.step())));
    for (Map.Entry<InterventionField, String> field : new TreeMap<>(step.fields()).entrySet()) {
      sql.append(", ").append(field.getKey().column()).append(" = ?");
      values.add(field.getValue());
    }
    sql.append(", updated_at = ? WHERE id = ?");
    values.add(at.toString());
    values.add(id);
    try (PreparedStatement update = connection.prepareStatement(sql.toString())) {
      for (int i = 0; i < values.size(); i++) {
        update.setString(i + 1, values.get(i));
      }
      if (update.executeUpdate() != 1) {
        throw new SQLException("no intervention " + id);
      }
    }
  }

  private static String statusAfter(Step step) {
    return switch (step) {
      case CLOSED -> "CLOSED";
      case REFUSED -> "REFUSED";
      case FAILED -> "FAILED";
      default -> "OPEN";
    };
  }
}
